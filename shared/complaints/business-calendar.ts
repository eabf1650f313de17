import * as z from '../platform/validation/zod.ts';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
const ZClock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 09:00'));

/** When the business counts time against its complaint deadlines, in its time zone. */
export const ZBusinessHours = z.strictObject({
  days: z._default(z.array(z.enum(WEEKDAYS)).check(z.minLength(1)), ['MON', 'TUE', 'WED', 'THU', 'FRI']),
  start: z._default(ZClock, '09:00'),
  end: z._default(ZClock, '17:00'),
  /** Dates (YYYY-MM-DD, local) on which no business hours count. */
  holidays: z._default(z.array(z.iso.date()), []),
}).check(z.refine((hours) => hours.start < hours.end, { message: 'start must be before end', path: ['end'] }));
export type TBusinessHours = z.output<typeof ZBusinessHours>;

/**
 * Deadline arithmetic in business time: hours count only inside the business's opening
 * hours, on its working days, outside its holidays, in its own time zone — across weekends
 * and daylight-saving changes.
 */
export interface BusinessCalendar extends TBusinessHours {
  readonly timeZone: string;
}

const MINUTE = 60_000;
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date and weekday of `instant` in `timeZone`. */
function localDateOf(instant: number, timeZone: string): LocalDate & { weekday: (typeof WEEKDAY_NAMES)[number] } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday: get('weekday').toUpperCase() as (typeof WEEKDAY_NAMES)[number] };
}

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - (instant - (instant % 1000));
}

/** The instant at which the wall clock in `timeZone` shows `date` `hh:mm`. */
export function zonedInstant(date: LocalDate, clock: string, timeZone: string): number {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  const wall = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  // The offset at the guess may differ from the offset at the answer across a DST change: check once more.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return instant;
}

function isoDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** Length of one business day, in hours (e.g. 8 for 09:00–17:00). */
export function businessDayHours(calendar: BusinessCalendar): number {
  const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
  return (minutes(calendar.end) - minutes(calendar.start)) / 60;
}

/** `start` plus `hours` of business time. Time before opening or after closing counts from the next opening. */
export function addBusinessHours(start: Date, hours: number, calendar: BusinessCalendar): Date {
  let remaining = Math.round(hours * 60) * MINUTE;
  let cursor = start.getTime();
  let date: LocalDate = localDateOf(cursor, calendar.timeZone);
  const holidays = new Set(calendar.holidays);
  for (let day = 0; day < 3660; day++) {
    const weekday = WEEKDAY_NAMES[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
    if (calendar.days.includes(weekday) && !holidays.has(isoDate(date))) {
      const open = zonedInstant(date, calendar.start, calendar.timeZone);
      const close = zonedInstant(date, calendar.end, calendar.timeZone);
      const from = Math.max(cursor, open);
      if (from < close) {
        if (remaining <= close - from) return new Date(from + remaining);
        remaining -= close - from;
      }
    }
    date = nextDate(date);
    cursor = zonedInstant(date, '00:00', calendar.timeZone);
  }
  throw new Error('no business hours in the next ten years: check businessHours');
}

/** Business time between two instants, in hours (0 if `end` is before `start`). */
export function businessHoursBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  if (end <= start) return 0;
  let total = 0;
  let date: LocalDate = localDateOf(start.getTime(), calendar.timeZone);
  const holidays = new Set(calendar.holidays);
  while (zonedInstant(date, '00:00', calendar.timeZone) < end.getTime()) {
    const weekday = WEEKDAY_NAMES[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()]!;
    if (calendar.days.includes(weekday) && !holidays.has(isoDate(date))) {
      const from = Math.max(start.getTime(), zonedInstant(date, calendar.start, calendar.timeZone));
      const to = Math.min(end.getTime(), zonedInstant(date, calendar.end, calendar.timeZone));
      if (to > from) total += to - from;
    }
    date = nextDate(date);
  }
  return total / 3_600_000;
}

/** The two deadlines of a complaint opened at `openedAt`. */
export function complaintDeadlines(
  openedAt: Date,
  sla: { acknowledgeWithinBusinessHours: number; resolveWithinBusinessDays: number },
  calendar: BusinessCalendar,
): { acknowledgeBy: string; resolveBy: string } {
  return {
    acknowledgeBy: addBusinessHours(openedAt, sla.acknowledgeWithinBusinessHours, calendar).toISOString(),
    resolveBy: addBusinessHours(openedAt, sla.resolveWithinBusinessDays * businessDayHours(calendar), calendar).toISOString(),
  };
}
