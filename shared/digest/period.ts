import { waveIdFor } from '../platform/schedule/wave-id.ts';

const PERIOD = /^(\d{4})-W(\d{2})$/;

/** Whether `value` is an ISO week like 2026-W47. */
export function isPeriod(value: string): boolean {
  const match = PERIOD.exec(value);
  return !!match && Number(match[2]) >= 1 && Number(match[2]) <= 53 && waveIdFor(periodStart(value), 'UTC') === value;
}

/** Monday 00:00 UTC of an ISO week. */
export function periodStart(period: string): Date {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`"${period}" is not an ISO week like 2026-W47`);
  const year = Number(match[1]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000;
  return new Date(mondayOfWeek1 + (Number(match[2]) - 1) * 7 * 86_400_000);
}

export function previousPeriod(period: string): string {
  return waveIdFor(new Date(periodStart(period).getTime() - 7 * 86_400_000), 'UTC');
}

/** The last whole week before `now` in the business time zone: what Monday's digest reports. */
export function lastCompletePeriod(now: Date, timeZone: string): string {
  return waveIdFor(new Date(now.getTime() - 7 * 86_400_000), timeZone);
}

/** The ISO weeks whose Monday falls in the calendar month (YYYY-MM): a month for the staff digest. */
export function periodsOfMonth(month: string): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const periods: string[] = [];
  for (let day = 1; day <= 31; day++) {
    const date = new Date(Date.UTC(year, m - 1, day));
    if (date.getUTCMonth() !== m - 1) break;
    if (date.getUTCDay() === 1) periods.push(waveIdFor(date, 'UTC'));
  }
  return periods;
}

/** When a weekly period ends (the next Monday, 00:00 UTC), as an ISO time. */
export function periodEnd(period: string): string {
  return new Date(periodStart(period).getTime() + 7 * 86_400_000).toISOString();
}

/** A weekly period (2026-W48) or a month (2026-11) as the times it runs between. */
export function periodBounds(period: string): { start: string; end: string } {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const [year, m] = [Number(month[1]), Number(month[2])];
    return { start: new Date(Date.UTC(year, m - 1, 1)).toISOString(), end: new Date(Date.UTC(year, m, 1)).toISOString() };
  }
  return { start: periodStart(period).toISOString(), end: periodEnd(period) };
}

/**
 * A period in plain words beside its code, for people: "2026-W48 (week of 23 Nov)",
 * "2026-11 (November 2026)".
 */
export function periodLabel(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${period} (${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(periodBounds(period).start))})`;
  if (!PERIOD.test(period)) return period;
  return `${period} (week of ${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(periodStart(period))})`;
}
