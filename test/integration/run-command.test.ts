import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { OUTPUTS } from '../../infra/feedback-stack-outputs.ts';
import { JOB_FUNCTION } from '../../shared/deployment/schedules.ts';
import { describeStacksXml, startFakeAws, type CaughtRequest } from '../support/fake-aws.ts';

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

/** What each job's function answers, as the deployed functions do. */
const ANSWERS: Record<string, unknown> = {
  planWave: { job: 'planWave', waves: [{ questionnaireId: 'customer-service', waveId: '2026-W49', benchmark: false, considered: 3, queued: 2, alreadyInvited: 1, skipped: {} }] },
  sendReminders: { job: 'sendReminders', reminders: [{ questionnaireId: 'customer-service', considered: 4, queued: 1, waves: ['2026-W48'] }] },
  sweepComplaints: { checked: 5, escalated: 1, resent: 0 },
  sendDigests: { period: '2026-W48', outcomes: [{ questionnaireId: 'customer-service', scope: 'company', recipient: 'head@example.com', outcome: 'sent' }] },
  sendStaffDigests: { period: '2026-11', outcomes: [] },
};

const outputs = Object.fromEntries(Object.entries(OUTPUTS).map(([key, name]) => [name, `fn-${key}`]));
let fake: Awaited<ReturnType<typeof startFakeAws>> | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function deployedStack() {
  fake = await startFakeAws(['cloudformation', 'lambda'], (request: CaughtRequest) => {
    if (request.operation === 'DescribeStacks') return describeStacksXml('Feedback', outputs);
    if (request.service === 'lambda') return { body: JSON.stringify(ANSWERS[(JSON.parse(request.body) as { job: string }).job]) };
    return undefined;
  });
  return fake;
}

describe('feedback run JOB: every scheduled job on demand', () => {
  it.each(Object.entries(JOB_FUNCTION))('with --stack, %s invokes the %s function with the input its schedule sends', async (job, folder) => {
    const aws = await deployedStack();
    const { code, output } = await cli('run', job, '--stack', 'Feedback');
    expect(code, output).toBe(0);
    const invocations = aws.caught.filter((r) => r.service === 'lambda');
    expect(invocations.map((r) => [decodeURIComponent(r.path), JSON.parse(r.body)])).toEqual([[`/2015-03-31/functions/fn-${folder}FunctionName/invocations`, { job }]]);
    expect(output).not.toBe('');
  });

  it('prints what the job did: the sweep’s counts, the digest’s recipients', async () => {
    await deployedStack();
    expect((await cli('run', 'sweepComplaints', '--stack', 'Feedback')).output).toBe('Complaints swept: 5 checked, 1 escalated to the head of service, 0 notification(s) queued again.');
    expect((await cli('run', 'sendDigests', '--stack', 'Feedback')).output).toBe('Digest for 2026-W48:\n  company → head@example.com: sent');
  });

  it('--at runs as of that time: the planner and sweep get it, the digests get the period or month they would report then', async () => {
    const aws = await deployedStack();
    await cli('run', 'sweepComplaints', '--at', '2026-12-02T10:00:00Z', '--stack', 'Feedback');
    await cli('run', 'sendDigests', '--at', '2026-12-02T10:00:00Z', '--resend', '--stack', 'Feedback');
    await cli('run', 'sendStaffDigests', '--at', '2026-12-02T10:00:00Z', '--stack', 'Feedback');
    const bodies = aws.caught.filter((r) => r.service === 'lambda').map((r) => JSON.parse(r.body) as unknown);
    expect(bodies).toEqual([
      { job: 'sweepComplaints', at: '2026-12-02T10:00:00.000Z' },
      { job: 'sendDigests', period: '2026-W48', resend: true },
      { job: 'sendStaffDigests', month: '2026-11' },
    ]);
  });

  it('a function error fails the command (exit 1) with the function’s message', async () => {
    fake = await startFakeAws(['cloudformation', 'lambda'], (request) => {
      if (request.operation === 'DescribeStacks') return describeStacksXml('Feedback', outputs);
      return { headers: { 'x-amz-function-error': 'Unhandled' }, body: JSON.stringify({ errorType: 'Error', errorMessage: 'table not found' }) };
    });
    const { code, output } = await cli('run', 'sweepComplaints', '--stack', 'Feedback');
    expect(code).toBe(1);
    expect(output).toContain('fn-complaintsFunctionName failed');
    expect(output).toContain('table not found');
  });

  it('an unknown job, a missing one, or another job’s option is a usage error (exit 2) that lists the jobs', async () => {
    expect(await cli('run', 'sweep')).toMatchObject({ code: 2, output: expect.stringContaining('Unknown job "sweep"') });
    expect(await cli('run')).toMatchObject({ code: 2, output: expect.stringContaining('Jobs: planWave, sendReminders, sweepComplaints, sendDigests, sendStaffDigests') });
    expect(await cli('run', 'planWave', '--period', '2026-W48')).toEqual({ code: 2, output: '--period is for sendDigests, not planWave' });
    expect(await cli('run', 'sendStaffDigests', '--month', '2026-13')).toEqual({ code: 2, output: '--month: "2026-13" is not a month like 2026-11' });
  });
});
