import type { TRecipient } from '../people/contact-store.ts';

export interface PlanningRules {
  /** A contact is asked again once this many days have passed since the last questionnaire. */
  readonly recurringPeriodDays: number;
  /** Never more than one questionnaire per contact within this many days. */
  readonly frequencyCapDays: number;
  /** An interaction makes a contact due this long after it (so the service has happened). */
  readonly interactionDelayDays: number;
}

export type Eligibility =
  | { due: true; because: 'never-asked' | 'period-elapsed' | 'new-interaction' }
  | { due: false; because: 'unsubscribed' | 'suppressed' | 'frequency-cap' | 'not-due' };

const DAY_MS = 86_400_000;

/**
 * Whether a contact should get a questionnaire now. Opt-outs and suppression always win,
 * then the frequency cap — per person: `lastInvitedAsOther` is when the same address was
 * last asked as the other audience (staff who are also customers) — and only then do the
 * reasons to ask count.
 */
export function eligibility(contact: TRecipient, suppressed: boolean, now: Date, rules: PlanningRules, lastInvitedAsOther?: string): Eligibility {
  if (contact.unsubscribedAt) return { due: false, because: 'unsubscribed' };
  if (suppressed) return { due: false, because: 'suppressed' };
  if (lastInvitedAsOther && now.getTime() - Date.parse(lastInvitedAsOther) < rules.frequencyCapDays * DAY_MS) return { due: false, because: 'frequency-cap' };
  const lastInvited = contact.lastInvitedAt ? Date.parse(contact.lastInvitedAt) : undefined;
  if (lastInvited === undefined) return { due: true, because: 'never-asked' };
  const sinceLast = now.getTime() - lastInvited;
  if (sinceLast < rules.frequencyCapDays * DAY_MS) return { due: false, because: 'frequency-cap' };
  if (sinceLast >= rules.recurringPeriodDays * DAY_MS) return { due: true, because: 'period-elapsed' };
  const interaction = contact.lastInteractionAt ? Date.parse(contact.lastInteractionAt) : undefined;
  if (interaction !== undefined && interaction > lastInvited && now.getTime() - interaction >= rules.interactionDelayDays * DAY_MS) {
    return { due: true, because: 'new-interaction' };
  }
  return { due: false, because: 'not-due' };
}
