import { z } from 'zod';
import type { Logger } from '../../shared/observability/logger.ts';
import { sendDigests, type DigestDependencies, type DigestOutcome } from '../../shared/digest/send-digests.ts';
import { isPeriod, lastCompletePeriod } from '../../shared/digest/period.ts';

/** From EventBridge Scheduler (`{"job": "sendDigests"}`) or the CLI (with a period, or a resend). */
export const ZDigestRequest = z.looseObject({
  job: z.literal('sendDigests'),
  period: z.string().refine(isPeriod, 'must be an ISO week like 2026-W47').optional(),
  resend: z.boolean().optional(),
});
export type TDigestRequest = z.input<typeof ZDigestRequest>;

export function createDigestHandler(deps: DigestDependencies & { log: Logger }) {
  return async (event: unknown): Promise<{ period: string; outcomes: DigestOutcome[] }> => {
    const request = ZDigestRequest.parse(event);
    const period = request.period ?? lastCompletePeriod(deps.now(), deps.handling.calendar.timeZone);
    const outcomes = await sendDigests(deps, { period, ...(request.resend ? { resend: true } : {}) });
    deps.log.info('digests', { period, sent: outcomes.filter((o) => o.outcome === 'sent').length, skipped: outcomes.filter((o) => o.outcome !== 'sent').length });
    return { period, outcomes };
  };
}
