import type { DigestOutcome } from '../../shared/digest/send-digests.ts';
import { periodOption } from '../arguments.ts';
import { defineCommand, EXIT } from '../frame.ts';
import { invokeJob, withLocalPipeline } from '../jobs.ts';

/** What the digest function answers, deployed or local. */
interface DigestRun {
  period: string;
  outcomes: DigestOutcome[];
}

export const digestCommand = defineCommand({
  name: 'digest',
  summary: 'aggregate a week and email each manager the digest for their scope',
  usage: 'feedback digest [--period 2026-W47] [--resend] [--stack NAME] [--region REGION]',
  details: 'The period defaults to the last whole week. A scope already sent for the period is not sent again unless --resend.',
  options: {
    period: { type: 'string', description: 'the ISO week to report, e.g. 2026-W47' },
    resend: { type: 'boolean', description: 'send again even if this period was already sent' },
  },
  runsOnStack: true,
  async run({ options, out, progress, target }) {
    const period = options.period ? periodOption(options.period) : undefined;
    const digestOptions = { ...(period ? { period } : {}), ...(options.resend ? { resend: true } : {}) };
    const stack = await target();
    const result: DigestRun =
      stack.kind === 'deployed'
        ? (progress(`Invoking the digest function of ${stack.stackName}…`), (await invokeJob(stack, { job: 'sendDigests', ...digestOptions })) as DigestRun)
        : await withLocalPipeline(stack, undefined, (pipeline) => pipeline.jobs.sendDigests(undefined, digestOptions), progress);
    out(`Digest for ${result.period}:`);
    for (const o of result.outcomes) out(`  ${o.scope} → ${o.recipient}: ${o.outcome === 'no-responses' ? 'skipped (no responses)' : o.outcome}`);
    return EXIT.done;
  },
});
