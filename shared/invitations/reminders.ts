import type { TInvitation } from './invitation-store.ts';

const DAY_MS = 86_400_000;

export type ReminderVerdict = { remind: true } | { remind: false; because: 'not-sent' | 'already-reminded' | 'too-early' | 'answered' | 'opted-out' };

/**
 * Whether an invitation gets its one reminder: it was sent at least `afterDays` ago, has
 * had no reminder, and its recipient has neither answered nor opted out (unsubscribed,
 * bounced or complained).
 */
export function reminderVerdict(invitation: TInvitation, state: { answered: boolean; optedOut: boolean }, now: Date, afterDays: number): ReminderVerdict {
  if (invitation.status !== 'sent' || !invitation.sentAt) return { remind: false, because: 'not-sent' };
  if (invitation.reminderSentAt) return { remind: false, because: 'already-reminded' };
  if (now.getTime() - Date.parse(invitation.sentAt) < afterDays * DAY_MS) return { remind: false, because: 'too-early' };
  if (state.answered) return { remind: false, because: 'answered' };
  if (state.optedOut) return { remind: false, because: 'opted-out' };
  return { remind: true };
}
