import * as z from '../validation/zod.ts';

/**
 * EventBridge Scheduler expressions, the one format both the CDK stack and the local
 * clock read: `cron(minutes hours day-of-month month day-of-week year)` or
 * `rate(value unit)`. One-time `at(...)` schedules are not used by the product.
 */
export type ParsedSchedule =
  | { kind: 'cron'; minutes: string; hours: string; dayOfMonth: string; month: string; dayOfWeek: string; year: string }
  | { kind: 'rate'; everyMs: number };

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\(([^)]+)\)$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

export function parseScheduleExpression(expression: string): ParsedSchedule {
  const rate = RATE.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2]!.replace(/s$/, '') as keyof typeof UNIT_MS;
    if (value < 1) throw new Error(`rate must be at least 1: ${expression}`);
    if ((value === 1) !== (rate[2] === unit)) throw new Error(`use "${value} ${unit}${value === 1 ? '' : 's'}": ${expression}`);
    return { kind: 'rate', everyMs: value * UNIT_MS[unit] };
  }
  const cron = CRON.exec(expression);
  if (!cron) throw new Error(`expected cron(...) or rate(...), got "${expression}"`);
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron needs 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`);
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  // EventBridge rejects an expression that constrains both days; one of them must be "?".
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw new Error('exactly one of day-of-month and day-of-week must be "?"');
  }
  return { kind: 'cron', minutes, hours, dayOfMonth, month, dayOfWeek, year };
}

/**
 * The same cron in the five-field form of Unix cron libraries (croner), for the local
 * clock. EventBridge numbers weekdays 1–7 from Sunday, Unix cron 0–6; names are the same.
 */
export function toUnixCron(schedule: Extract<ParsedSchedule, { kind: 'cron' }>): string {
  if (schedule.year !== '*') throw new Error('the local clock does not support a year field other than "*"');
  const anyIfUnset = (field: string) => (field === '?' ? '*' : field);
  const weekday = (field: string) =>
    anyIfUnset(field).replace(/\d+/g, (n: string, offset: number, whole: string) =>
      // In "MON#2" style fields the number after "#" is the nth occurrence, not a weekday.
      whole[offset - 1] === '#' ? n : String(Number(n) - 1),
    );
  return [schedule.minutes, schedule.hours, anyIfUnset(schedule.dayOfMonth), schedule.month, weekday(schedule.dayOfWeek)].join(' ');
}

export const ZScheduleExpression = z.string().check(z.superRefine((value, ctx) => {
  try {
    parseScheduleExpression(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}));
