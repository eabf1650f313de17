/**
 * The wave a planning run belongs to: the ISO week of `now` in the business's time zone
 * (`2026-W48`). Every run in the same week joins the same wave, so a retried or repeated
 * run finds the invitations it already wrote.
 */
export function waveIdFor(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = new Date(Date.UTC(get('year'), get('month') - 1, get('day')));
  // ISO 8601: the week belongs to the year of its Thursday.
  const weekday = local.getUTCDay() || 7;
  local.setUTCDate(local.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(local.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((local.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${local.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The wave of every synthetic invitation (`feedback check`). Links carry a wave shaped like an
 * ISO week, and week 00 is none: no digest or report can ask for it, the planner never opens
 * it and reminders never look at it, so synthetic answers are never counted, and no domain
 * event is published for them.
 */
export const SYNTHETIC_WAVE = '0000-W00';

/** The SES mailbox simulator's domain: `feedback check` mails only there. */
export const MAILBOX_SIMULATOR_DOMAIN = 'simulator.amazonses.com';
