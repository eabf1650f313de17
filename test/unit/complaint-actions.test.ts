import { describe, expect, it } from 'vitest';
import { actingAs, decideAction, decideEscalation, grantedActions, grantOf, holderOf, type LinkHolder } from '../../shared/complaints/complaint-actions.ts';
import { unsentNotifications } from '../../shared/complaints/sweep-complaints.ts';
import type { TComplaint } from '../../shared/complaints/complaint-store.ts';
import { newLinkId, signLink, verifyLink } from '../../shared/platform/tokens/link-token.ts';

const HEAD = 'head@acme.example';
const FIRST = 'first@acme.example';
const SECOND = 'second@acme.example';
const MANAGERS = [FIRST, SECOND, HEAD];
const handling = { headOfServiceEmail: HEAD, notifyCustomerOnAcknowledge: true };
const AT = '2026-11-23T11:00:00.000Z';
const firstOwner: LinkHolder = { assignment: 0 };

function complaint(overrides: Partial<TComplaint> = {}): TComplaint {
  return {
    id: 'c1',
    questionnaireId: 'q',
    waveId: '2026-W48',
    reasons: ['requested'],
    customer: { email: 'ann@customer.example', name: 'Ann', language: 'en' },
    staffEmail: null,
    departmentId: null,
    state: 'open',
    ownerEmail: FIRST,
    level: 1,
    createdAt: '2026-11-23T10:00:00.000Z',
    acknowledgeBy: '2026-11-23T14:00:00.000Z',
    resolveBy: '2026-11-25T10:00:00.000Z',
    notified: {},
    history: [{ at: '2026-11-23T10:00:00.000Z', event: 'opened' }],
    version: 0,
    assignment: 0,
    ...overrides,
  };
}

/** The complaint after FIRST reassigned it to SECOND. */
const reassigned = () => complaint({ ownerEmail: SECOND, assignment: 1, version: 1 });

describe('complaint links act for their holder while they hold it', () => {
  it('a grant survives signing and names its holder; an unknown grant names no one', () => {
    const token = signLink({ purpose: 'complaint', linkId: newLinkId(), expiresAt: 2_000_000_000, grant: grantOf({ assignment: 3 }) }, 's'.repeat(40));
    expect(holderOf(verifyLink(token, 'complaint', 's'.repeat(40), 1_800_000_000)?.grant)).toEqual({ assignment: 3 });
    expect(holderOf(grantOf({ headOfService: true }))).toEqual({ headOfService: true });
    expect(holderOf('x9')).toBeUndefined();
  });

  it('a grant cannot be changed without breaking the signature', () => {
    const token = signLink({ purpose: 'complaint', linkId: newLinkId(), expiresAt: 2_000_000_000, grant: 'o0' }, 's'.repeat(40));
    expect(verifyLink(token.replace('.o0.', '.o1.'), 'complaint', 's'.repeat(40), 1_800_000_000)).toBeUndefined();
  });

  it('links sent before grants existed act for the first owner', () => {
    expect(holderOf(undefined)).toEqual(firstOwner);
  });

  it('after a Reassign the former owner’s link acts for no one and grants nothing; the new owner’s does', () => {
    expect(actingAs(reassigned(), firstOwner, HEAD)).toBeUndefined();
    expect(grantedActions(reassigned(), firstOwner, HEAD, MANAGERS)).toEqual([]);
    expect(actingAs(reassigned(), { assignment: 1 }, HEAD)).toBe(SECOND);
    expect(grantedActions(reassigned(), { assignment: 1 }, HEAD, MANAGERS)).toEqual(['acknowledge', 'resolve', 'reassign']);
  });

  it('the head of service’s link acts only while the complaint is escalated to them', () => {
    expect(actingAs(complaint(), { headOfService: true }, HEAD)).toBeUndefined();
    expect(actingAs(complaint({ level: 2 }), { headOfService: true }, HEAD)).toBe(HEAD);
  });

  it.each<[string, Partial<TComplaint>, string[], string[]]>([
    ['open', {}, MANAGERS, ['acknowledge', 'resolve', 'reassign']],
    ['acknowledged: no Acknowledge', { state: 'acknowledged' }, MANAGERS, ['resolve', 'reassign']],
    ['resolved: nothing', { state: 'resolved' }, MANAGERS, []],
    ['no other manager: no Reassign', {}, [FIRST], ['acknowledge', 'resolve']],
  ])('offers only what the complaint allows: %s', (_name, overrides, managers, expected) => {
    expect(grantedActions(complaint(overrides), firstOwner, HEAD, managers)).toEqual(expected);
  });
});

describe('deciding an action on the complaint as it stands', () => {
  it('Reassign moves the owner to a new assignment and implies one notification to them, keyed uniquely', () => {
    const decision = decideAction(complaint(), firstOwner, { action: 'reassign', to: SECOND }, handling, AT);
    expect(decision).toMatchObject({
      outcome: 'changed',
      by: FIRST,
      change: { set: { ownerEmail: SECOND, assignment: 1 }, notify: [{ key: 'reassigned-1', to: SECOND, assignment: 1 }] },
    });
  });

  it('a second Reassign from the former owner’s link, decided after the first landed, is refused', () => {
    expect(decideAction(reassigned(), firstOwner, { action: 'reassign', to: HEAD }, handling, AT)).toEqual({ outcome: 'not-holder' });
    expect(decideAction(reassigned(), firstOwner, { action: 'acknowledge' }, handling, AT)).toEqual({ outcome: 'not-holder' });
  });

  it('Acknowledge records who acted and implies the customer’s email, unless anonymous or turned off', () => {
    expect(decideAction(complaint({ level: 2 }), { headOfService: true }, { action: 'acknowledge' }, handling, AT)).toMatchObject({
      change: { set: { state: 'acknowledged', acknowledgedBy: HEAD }, notify: [{ key: 'customer-acknowledged' }] },
    });
    expect(decideAction(complaint({ customer: null }), firstOwner, { action: 'acknowledge' }, handling, AT)).toMatchObject({ change: { notify: [] } });
    expect(decideAction(complaint(), firstOwner, { action: 'acknowledge' }, { ...handling, notifyCustomerOnAcknowledge: false }, AT)).toMatchObject({ change: { notify: [] } });
  });

  it.each<[string, Partial<TComplaint>, Parameters<typeof decideAction>[2], string]>([
    ['a second Acknowledge', { state: 'acknowledged' }, { action: 'acknowledge' }, 'already-acknowledged'],
    ['a Resolve of a resolved complaint', { state: 'resolved' }, { action: 'resolve' }, 'resolved'],
    ['a Reassign to the owner', {}, { action: 'reassign', to: FIRST }, 'already-owner'],
  ])('%s changes nothing', (_name, overrides, request, outcome) => {
    expect(decideAction(complaint(overrides), firstOwner, request, handling, AT)).toEqual({ outcome });
  });

  it('Resolve closes it, acknowledging it too when it was not', () => {
    expect(decideAction(complaint(), firstOwner, { action: 'resolve', note: 'Refunded' }, handling, AT)).toMatchObject({
      change: { set: { state: 'resolved', resolvedAt: AT, acknowledgedAt: AT, acknowledgedBy: FIRST, resolutionNote: 'Refunded' }, closes: true },
    });
  });

  it('escalation happens once: not when already at the top, and implies the head of service’s email', () => {
    expect(decideEscalation(complaint(), true, HEAD, AT).change).toMatchObject({ set: { level: 2 }, notify: [{ key: 'escalated', to: HEAD }] });
    expect(decideEscalation(complaint({ level: 2 }), true, HEAD, AT)).toEqual({});
    expect(decideEscalation(complaint(), false, HEAD, AT)).toEqual({});
  });
});

describe('the sweep finds every kind of unsent notification', () => {
  const now = new Date('2026-11-23T10:10:00.000Z');
  it('pending ones past two minutes, claims past five, never sent ones', () => {
    const pending = (at: string) => ({ state: 'pending' as const, at });
    const c = complaint({
      notified: {
        opened: { state: 'sent', at: '2026-11-23T10:00:01.000Z' },
        'reassigned-1': pending('2026-11-23T10:05:00.000Z'),
        'customer-acknowledged': pending('2026-11-23T10:09:00.000Z'),
        escalated: { state: 'claimed', at: '2026-11-23T10:04:00.000Z' },
        'reassigned-3': { state: 'claimed', at: '2026-11-23T10:06:00.000Z' },
      },
    });
    expect(unsentNotifications(c, now).sort()).toEqual(['escalated', 'reassigned-1']);
  });

  it('on records from before notifications were recorded with their change: a missing opened or escalated one', () => {
    expect(unsentNotifications(complaint({ level: 2, escalatedAt: '2026-11-23T10:05:00.000Z' }), now).sort()).toEqual(['escalated', 'opened']);
  });
});
