import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { runCli } from '../../cli/main.ts';
import { runCheck } from '../../cli/check/run-check.ts';
import { resolveTarget } from '../../cli/target.ts';
import { describeResults, type CheckProgress, type StepResult } from '../../cli/check/check-steps.ts';
import { freePort } from '../support/free-port.ts';

/** `npm start` as a user runs it, on free ports and a temporary data folder; the CLI finds it through FEEDBACK_DATA_DIR. */
const dataDir = mkdtempSync(join(tmpdir(), 'feedback-check-'));
let stack: ChildProcess | undefined;
let dynamodbPort = 0;
const savedDataDir = process.env['FEEDBACK_DATA_DIR'];

beforeAll(async () => {
  const ports = { FEEDBACK_API_PORT: String(await freePort()), FEEDBACK_INBOX_PORT: String(await freePort()), FEEDBACK_DYNAMODB_PORT: String(await freePort()) };
  dynamodbPort = Number(ports.FEEDBACK_DYNAMODB_PORT);
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--fresh'], { env: { ...process.env, ...ports, FEEDBACK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  stack = child;
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = Date.now();
  // Generous: on a loaded 2-core machine, DynamoDB Local's JVM alone can take a minute to start.
  while (!output.includes('Press Ctrl-C') && Date.now() - started < 150_000 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 200));
  if (!output.includes('Press Ctrl-C')) throw new Error(`the local stack did not start:\n${output}`);
  process.env['FEEDBACK_DATA_DIR'] = dataDir;
}, 180_000);

afterAll(async () => {
  if (savedDataDir === undefined) delete process.env['FEEDBACK_DATA_DIR'];
  else process.env['FEEDBACK_DATA_DIR'] = savedDataDir;
  if (stack && stack.exitCode === null) {
    const exited = new Promise((resolve) => stack!.once('exit', resolve));
    stack.kill('SIGINT');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every item in the local stack's table that the check's synthetic data could have left. */
async function syntheticLeftovers(): Promise<string[]> {
  const client = new DynamoDBClient({ endpoint: `http://localhost:${dynamodbPort}`, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const found: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: 'feedback-local', ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of page.Items ?? []) {
      const text = JSON.stringify(item);
      if (/feedback-check-|0000-W00|simulator\.amazonses\.com/.test(text)) found.push(`${item['pk']?.S} ${item['sk']?.S}`);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return found;
}

const silent: CheckProgress = { started: () => undefined, waiting: () => undefined, ended: () => undefined };
const statuses = (steps: readonly StepResult[]) => Object.fromEntries(steps.map((step) => [step.id, step.status]));

describe('feedback check against npm start', () => {
  it('passes every step, reports them as JSON, exits 0 and leaves no synthetic contact, invitation, response, complaint or suppression behind', async () => {
    const out: string[] = [];
    const code = await runCli(['check', '--format', 'json'], (line) => out.push(line));
    const report = JSON.parse(out.join('\n')) as { passed: boolean; steps: StepResult[] };
    expect(report.steps.filter((step) => step.status !== 'passed'), out.join('\n')).toEqual([]);
    expect(code).toBe(0);
    expect(report.passed).toBe(true);
    expect(report.steps.map((step) => step.id)).toEqual(['stack', 'sender', 'invitation', 'answer', 'suppression', 'complaint', 'sweep', 'schedules', 'dead-letters', 'cleanup']);
    // Locally the mail can be read: the link the customer got is the one opened and answered.
    expect(report.steps.find((step) => step.id === 'answer')!.detail).toMatch(/^the link in the email opened the form at http:\/\/localhost:\d+; score 0 stored and read back$/);
    expect(await syntheticLeftovers()).toEqual([]);
  }, 120_000);

  it('with the mail-events consumer stopped, exactly the suppression step fails, with its reason and fix; the rest pass and the data is still removed', async () => {
    const report = await runCheck(await resolveTarget({}), { localOverrides: { mailEvents: false }, patience: { mailEventsMs: 3000 } }, silent);
    expect(statuses(report.steps)).toEqual({
      stack: 'passed',
      sender: 'passed',
      invitation: 'passed',
      answer: 'passed',
      suppression: 'failed',
      complaint: 'passed',
      sweep: 'passed',
      schedules: 'passed',
      'dead-letters': 'passed',
      cleanup: 'passed',
    });
    const suppression = report.steps.find((step) => step.id === 'suppression')!;
    expect(suppression.detail).toMatch(/^sent, but not on the suppression list after 3 s: bounce\+feedback-check-\w+@simulator\.amazonses\.com, complaint\+/);
    expect(suppression.fix).toContain('mail-events');
    expect(report.passed).toBe(false);
    expect(await syntheticLeftovers()).toEqual([]);
  }, 120_000);

  it('a failed step fails the check, its report names the reason and the fix, and the steps that need it are skipped', async () => {
    // The sender cannot send within no time at all: the invitation step fails, those that need it are skipped.
    const report = await runCheck(await resolveTarget({}), { patience: { sendMs: 0 } }, silent);
    expect(statuses(report.steps)).toMatchObject({ invitation: 'failed', answer: 'skipped', suppression: 'skipped', complaint: 'skipped', cleanup: 'passed' });
    expect(report.passed).toBe(false);
    const out = describeResults(report.steps);
    expect(out.join('\n')).toMatch(/FAIL {2}Invitation planned, sent and recorded: the invitation to success\+feedback-check-\w+@simulator\.amazonses\.com was queued but not sent within 0 s\n {6}fix: the sender is not consuming the send queue/);
    expect(out.join('\n')).toContain('SKIP  Links open the questionnaire; an answer is stored and read back: not run: needs invitation');
    expect(await syntheticLeftovers()).toEqual([]);
  }, 120_000);

  it('--keep leaves the synthetic data for inspection, marked and in a wave no digest counts', async () => {
    const out: string[] = [];
    expect(await runCli(['check', '--keep'], (line) => out.push(line)), out.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(/PASS {2}Synthetic data removed: kept \(--keep\): addresses labelled feedback-check-\w+, department feedback-check-\w+, wave 0000-W00/);
    const left = await syntheticLeftovers();
    expect(left.some((key) => key.startsWith('RESPONSE#customer-service#0000-W00'))).toBe(true);
    expect(left.some((key) => key.startsWith('COMPLAINT#'))).toBe(true);
  }, 120_000);

  it('feedback run sweepComplaints runs the sweep on the local stack', async () => {
    const out: string[] = [];
    expect(await runCli(['run', 'sweepComplaints'], (line) => out.push(line)), out.join('\n')).toBe(0);
    expect(out.join('\n')).toMatch(/^Complaints swept: \d+ checked, 0 escalated to the head of service, 0 notification\(s\) queued again\.$/);
  });
});
