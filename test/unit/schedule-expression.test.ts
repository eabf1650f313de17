import { describe, expect, it } from 'vitest';
import { Cron } from 'croner';
import { parseScheduleExpression, toUnixCron } from '../../shared/platform/schedule/schedule-expression.ts';

function unixCron(expression: string): string {
  const parsed = parseScheduleExpression(expression);
  if (parsed.kind !== 'cron') throw new Error('not a cron');
  return toUnixCron(parsed);
}

describe('schedule expressions (EventBridge Scheduler form, read by the local clock)', () => {
  it('reads rate expressions', () => {
    expect(parseScheduleExpression('rate(15 minutes)')).toEqual({ kind: 'rate', everyMs: 900_000 });
    expect(parseScheduleExpression('rate(1 day)')).toEqual({ kind: 'rate', everyMs: 86_400_000 });
    expect(() => parseScheduleExpression('rate(1 days)')).toThrow('use "1 day"');
  });

  it.each([
    ['cron(0 9 ? * MON *)', '0 9 * * MON'],
    ['cron(0 9 ? * 2 *)', '0 9 * * 1'],
    ['cron(30 7 ? * 2-6 *)', '30 7 * * 1-5'],
    ['cron(0 8 ? * 2#1 *)', '0 8 * * 1#1'],
    ['cron(0 6 1 * ? *)', '0 6 1 * *'],
  ])('maps %s to Unix cron %s (weekdays 1–7 from Sunday become 0–6)', (aws, unix) => {
    expect(unixCron(aws)).toBe(unix);
  });

  it('fires the weekly wave at 09:00 business time on both sides of a daylight-saving change', () => {
    const job = new Cron(unixCron('cron(0 9 ? * MON *)'), { timezone: 'Europe/London', paused: true });
    // London is UTC+1 in summer and UTC+0 in winter; clocks went back on Sunday 25 October 2026.
    expect(job.nextRun(new Date('2026-10-20T00:00:00Z'))?.toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(job.nextRun(new Date('2026-10-10T00:00:00Z'))?.toISOString()).toBe('2026-10-12T08:00:00.000Z');
    job.stop();
  });
});
