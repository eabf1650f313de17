import { describe, expect, it } from 'vitest';
import { eligibility, type PlanningRules } from '../../shared/invitations/eligibility.ts';
import { aContact } from '../support/factories.ts';

const rules: PlanningRules = { recurringPeriodDays: 90, frequencyCapDays: 30, interactionDelayDays: 1 };
const now = new Date('2026-11-23T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('who is due for a questionnaire', () => {
  it.each([
    ['a contact never asked', {}, false, { due: true, because: 'never-asked' }],
    ['a contact asked 91 days ago', { lastInvitedAt: daysAgo(91) }, false, { due: true, because: 'period-elapsed' }],
    ['a contact asked 40 days ago with no interaction since', { lastInvitedAt: daysAgo(40) }, false, { due: false, because: 'not-due' }],
    ['a contact asked 40 days ago who was served 3 days ago', { lastInvitedAt: daysAgo(40), lastInteractionAt: daysAgo(3) }, false, { due: true, because: 'new-interaction' }],
    ['a contact served an hour ago (the delay has not passed)', { lastInvitedAt: daysAgo(40), lastInteractionAt: new Date(now.getTime() - 3_600_000).toISOString() }, false, { due: false, because: 'not-due' }],
    ['a contact asked 10 days ago and served since (frequency cap)', { lastInvitedAt: daysAgo(10), lastInteractionAt: daysAgo(3) }, false, { due: false, because: 'frequency-cap' }],
    ['an unsubscribed contact, even if never asked', { unsubscribedAt: daysAgo(1) }, false, { due: false, because: 'unsubscribed' }],
    ['a suppressed address', {}, true, { due: false, because: 'suppressed' }],
  ])('%s', (_name, overrides, suppressed, expected) => {
    expect(eligibility(aContact(overrides), suppressed, now, rules)).toEqual(expected);
  });
});

describe('the frequency cap is per person, across audiences', () => {
  it('holds back someone asked as the other audience (staff who are also customers) within the cap', () => {
    expect(eligibility(aContact(), false, now, rules, daysAgo(10))).toEqual({ due: false, because: 'frequency-cap' });
  });

  it('lets them be asked once the cap has passed since the other questionnaire', () => {
    expect(eligibility(aContact(), false, now, rules, daysAgo(31))).toEqual({ due: true, because: 'never-asked' });
  });
});
