import { describe, expect, it } from 'vitest';
import { reminderVerdict } from '../../shared/invitations/reminders.ts';
import type { TInvitation } from '../../shared/invitations/invitation-store.ts';

const now = new Date('2026-11-30T10:00:00Z');
const invitation = (overrides: Partial<TInvitation> = {}): TInvitation => ({
  audience: 'customers',
  questionnaireId: 'customer-service',
  waveId: '2026-W48',
  email: 'a@customer.example',
  name: 'A',
  language: 'en',
  linkId: 'AAAAAAAAAAAAAAAAAAAAAA',
  status: 'sent',
  createdAt: '2026-11-23T09:00:00.000Z',
  sentAt: '2026-11-23T09:00:05.000Z',
  ...overrides,
});
const quiet = { answered: false, optedOut: false };

describe('who gets the one reminder (after 5 days)', () => {
  it.each([
    ['sent 7 days ago, no answer', invitation(), quiet, { remind: true }],
    ['sent 4 days ago', invitation({ sentAt: '2026-11-26T11:00:00.000Z' }), quiet, { remind: false, because: 'too-early' }],
    ['already reminded', invitation({ reminderSentAt: '2026-11-29T10:00:00.000Z' }), quiet, { remind: false, because: 'already-reminded' }],
    ['answered', invitation(), { answered: true, optedOut: false }, { remind: false, because: 'answered' }],
    ['unsubscribed or bounced since', invitation(), { answered: false, optedOut: true }, { remind: false, because: 'opted-out' }],
    ['never sent (failed)', invitation({ status: 'failed', sentAt: undefined }), quiet, { remind: false, because: 'not-sent' }],
  ])('%s', (_name, inv, state, expected) => {
    expect(reminderVerdict(inv, state, now, 5)).toEqual(expected);
  });
});
