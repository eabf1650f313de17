import * as z from '../../shared/platform/validation/zod.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';
import { sendDigests, sendStaffDigests, shiftMonth, type DigestDependencies, type DigestOutcome } from '../../shared/digest/send-digests.ts';
import { isPeriod, lastCompletePeriod } from '../../shared/digest/period.ts';

/** From EventBridge Scheduler (`{"job": "sendDigests"}`) or the CLI (with a period, or a resend). */
export const ZDigestRequest = z.discriminatedUnion('job', [
  z.looseObject({
    job: z.literal('sendDigests'),
    period: z.optional(z.string().check(z.refine(isPeriod, 'must be an ISO week like 2026-W47'))),
    resend: z.optional(z.boolean()),
  }),
  z.looseObject({
    job: z.literal('sendStaffDigests'),
    month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2026-11'))),
    resend: z.optional(z.boolean()),
  }),
]);
export type TDigestRequest = z.input<typeof ZDigestRequest>;

export function createDigestHandler(deps: DigestDependencies & { log: Logger }) {
  return async (event: unknown): Promise<{ period: string; outcomes: DigestOutcome[] }> => {
    const request = ZDigestRequest.parse(event);
    if (request.job === 'sendStaffDigests') {
      // By default, the month that has just ended in the business time zone.
      const month = request.month ?? shiftMonth(new Intl.DateTimeFormat('en-CA', { timeZone: deps.handling.calendar.timeZone, year: 'numeric', month: '2-digit' }).format(deps.now()).slice(0, 7), -1);
      const outcomes = await sendStaffDigests(deps, { month, ...(request.resend ? { resend: true } : {}) });
      deps.log.info('staff digests', { month, sent: outcomes.filter((o) => o.outcome === 'sent').length });
      return { period: month, outcomes };
    }
    const period = request.period ?? lastCompletePeriod(deps.now(), deps.handling.calendar.timeZone);
    const outcomes = await sendDigests(deps, { period, ...(request.resend ? { resend: true } : {}) });
    deps.log.info('digests', { period, sent: outcomes.filter((o) => o.outcome === 'sent').length, skipped: outcomes.filter((o) => o.outcome !== 'sent').length });
    return { period, outcomes };
  };
}
