import { choiceOption } from '../arguments.ts';
import { defineCommand, EXIT, type LineWriter } from '../frame.ts';
import { describeResults, type CheckProgress } from '../check/check-steps.ts';
import { runCheck } from '../check/run-check.ts';

export const checkCommand = defineCommand({
  name: 'check',
  summary: 'prove the stack works end to end with a synthetic customer, and say what to fix',
  usage: 'feedback check [--keep] [--format table|json] [--stack NAME] [--region REGION]',
  details: [
    'Sends invitations to the SES mailbox simulator (success, bounce and complaint addresses), opens',
    'and answers the questionnaire through the API, raises a complaint to a simulator address, runs',
    'the complaint sweep, and checks the sender identity, the schedules and the dead-letter queues.',
    'The synthetic data is in a wave no digest or report counts, and is removed at the end.',
    'Exit code 0 when every step passed, 1 otherwise. Takes seconds locally, a few minutes deployed.',
  ].join('\n'),
  options: {
    keep: { type: 'boolean', description: 'leave the synthetic contact, invitations, response and complaint for inspection' },
    format: { type: 'string', description: 'table (default) or json, for CI pipelines that deploy and then check' },
  },
  runsOnStack: true,
  async run({ options, out, target }) {
    const format = options.format === undefined ? 'table' : choiceOption('--format', options.format, ['table', 'json'] as const);
    // With JSON on stdout, progress goes to stderr so the result stays parseable.
    const progressLine: LineWriter = format === 'json' ? (line) => process.stderr.write(`${line}\n`) : out;
    const report = await runCheck(await target(), { keep: options.keep ?? false }, progressReporter(progressLine));
    if (format === 'json') out(JSON.stringify(report, null, 2));
    else for (const line of ['', `Check of ${report.target}:`, ...describeResults(report.steps)]) out(line);
    return report.passed ? EXIT.done : EXIT.failed;
  },
});

function progressReporter(write: LineWriter): CheckProgress {
  return {
    started: (step) => write(`… ${step.title}`),
    waiting: (_step, message) => write(`    ${message}`),
    ended: (result) => write(`  ${result.status === 'passed' ? 'passed' : result.status === 'failed' ? 'FAILED' : 'skipped'}${result.seconds >= 1 ? ` in ${result.seconds} s` : ''}`),
  };
}
