import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.ts';
import { runCli } from '../../cli/main.ts';
import { DEMO_DEPARTMENTS, demoContacts } from '../../local/demo-data.ts';
import type { InboxEmail } from '../support/local-services.ts';

/** `npm start` as a user runs it (via tsx), on free ports and a temporary data folder. */
async function startStack(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => ((output += chunk.toString()), (errors += chunk.toString())));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, errors: () => errors };
}

function javaProcessesUsing(dataDir: string): string[] {
  const result = spawnSync('pgrep', ['-f', dataDir], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean);
}

const dataDir = mkdtempSync(join(tmpdir(), 'feedback-data-'));
const children: ChildProcess[] = [];
afterAll(() => {
  children.forEach((child) => child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (the local stack)', () => {
  it('prints both URLs once ready, serves the inbox and a 404 page, escalates a complaint within seconds, refuses a second start, and Ctrl-C leaves nothing behind', async () => {
    const ports = { FEEDBACK_API_PORT: String(await freePort()), FEEDBACK_INBOX_PORT: String(await freePort()), FEEDBACK_DYNAMODB_PORT: String(await freePort()), FEEDBACK_RECEIVER_PORT: String(await freePort()) };
    const env = { ...ports, FEEDBACK_DATA_DIR: dataDir };
    const stack = await startStack(env, ['--fresh']);
    children.push(stack.child);

    const started = Date.now();
    while (!stack.output().includes('Inbox: ') && Date.now() - started < 60_000 && stack.child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // On failure, the message is the stack's own output: it says why it did not start.
    expect(stack.output(), stack.output()).toContain(`API: http://localhost:${ports.FEEDBACK_API_PORT}`);
    expect(stack.output()).toContain(`Inbox: http://localhost:${ports.FEEDBACK_INBOX_PORT}`);
    expect(stack.output()).toContain('Demo data: 3 departments, 9 staff, 36 contacts, 5 weeks of history');
    // Seeding takes a while: it says what it is doing, on stderr, instead of going quiet.
    expect(stack.errors()).toMatch(/Adding demo data: departments, staff and contacts…\nAdding demo history: week 1 of 5 \(\d{4}-W\d\d \(week of \d+ \w+\)\)…/);
    expect(stack.errors()).toContain('Adding demo history: week 5 of 5');
    // The printed head-of-service dashboard shows the demo history's five periods at once.
    const dashboardUrl = new RegExp(`Dashboard \\(head of service, valid 30 days\\): (http://localhost:${ports.FEEDBACK_API_PORT}/dashboard/\\S+)`).exec(stack.output())?.[1];
    expect(dashboardUrl, stack.output()).toBeDefined();
    const overview = await fetch(dashboardUrl!);
    expect(overview.status).toBe(200);
    const chart = /<svg[^>]*data-chart="headline"[\s\S]*?<\/svg>/.exec(await overview.text())?.[0] ?? '';
    expect(chart.match(/<circle/g)).toHaveLength(5);

    const inbox = await fetch(`http://localhost:${ports.FEEDBACK_INBOX_PORT}/`);
    expect(inbox.status).toBe(200);
    const missing = await fetch(`http://localhost:${ports.FEEDBACK_API_PORT}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');

    // A wave sent with the CLI, then a complaint through the running API: the manager's
    // escalation arrives in the inbox within seconds, with no command.
    process.env['FEEDBACK_DATA_DIR'] = dataDir;
    try {
      const cliOutput: string[] = [];
      expect(await runCli(['send'], (line) => cliOutput.push(line)), cliOutput.join('\n')).toBe(0);
    } finally {
      delete process.env['FEEDBACK_DATA_DIR'];
    }
    const inboxUrl = `http://localhost:${ports.FEEDBACK_INBOX_PORT}`;
    const emails = async () => ((await (await fetch(`${inboxUrl}/store`)).json()) as { emails: InboxEmail[] }).emails;
    const invitation = (await emails()).find((e) => e.destination.to[0] === demoContacts(new Date())[0]!.email)!;
    const answerUrl = /http:\/\/localhost:\d+\/q\/[^?\s]+/.exec(invitation.body.text!)![0];
    const complained = Date.now();
    const answer = await fetch(answerUrl, { method: 'POST', body: new URLSearchParams({ score: '1', complaint: 'yes' }) });
    expect(answer.status).toBe(200);
    const manager = DEMO_DEPARTMENTS.find((d) => d.id === demoContacts(new Date())[0]!.departmentId)!.manager.email;
    let escalation: InboxEmail | undefined;
    while (!escalation && Date.now() - complained < 10_000) {
      escalation = (await emails()).find((e) => e.destination.to.includes(manager) && e.subject.startsWith('Complaint'));
      if (!escalation) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(escalation, 'escalation email within 10 s').toBeDefined();
    // The same complaint reaches the webhook receiver, signed, and its Slack-format channel.
    const receiverUrl = `http://localhost:${ports.FEEDBACK_RECEIVER_PORT}`;
    expect(stack.output()).toContain(`Webhook receiver: ${receiverUrl}`);
    type Arrival = { kind: string; eventType?: string; signatureValid?: boolean };
    let arrivals: Arrival[] = [];
    while (Date.now() - complained < 10_000 && !(arrivals.some((a) => a.eventType === 'ComplaintOpened') && arrivals.some((a) => a.kind === 'slack'))) {
      arrivals = ((await (await fetch(`${receiverUrl}/received`)).json()) as { arrivals: Arrival[] }).arrivals;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(arrivals.find((a) => a.eventType === 'ComplaintOpened'), 'signed webhook within 10 s').toMatchObject({ kind: 'webhook', signatureValid: true });
    expect(arrivals.some((a) => a.kind === 'slack'), 'Slack message within 10 s').toBe(true);

    // Rotating the link key leaves the links already emailed working, with no restart.
    process.env['FEEDBACK_DATA_DIR'] = dataDir;
    try {
      const rotated: string[] = [];
      expect(await runCli(['rotate-link-key'], (line) => rotated.push(line)), rotated.join('\n')).toBe(0);
      expect(rotated.join('\n')).toMatch(/Added link-signing key k1: new links are signed with it from .*Keys kept for links already sent: k0/s);
      const status: string[] = [];
      expect(await runCli(['status'], (line) => status.push(line))).toBe(0);
      expect(status).toContain(`Webhook receiver: ${receiverUrl}`);
      expect(status.join("\n")).toMatch(/^Dashboard \(head of service\): http:\/\/localhost:\d+\/dashboard\/v2\./m);
    } finally {
      delete process.env['FEEDBACK_DATA_DIR'];
    }
    expect(JSON.parse(readFileSync(join(dataDir, 'link-secret'), 'utf8')).keys.map((key: { id: string }) => key.id)).toEqual(['k0', 'k1']);
    const reopened = await fetch(answerUrl);
    expect(reopened.status).toBe(200);
    expect(await reopened.text()).toContain('<form');

    const second = await startStack(env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('A local stack is already running');

    expect(javaProcessesUsing(dataDir).length).toBeGreaterThan(0);
    // Schedules read in the business's own time, as a manager would say them.
    expect(stack.output()).toMatch(/planWave: next (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+, \d\d:\d\d \(Europe\/London\)/);
    stack.child.kill('SIGINT');
    stack.child.kill('SIGTERM');
    expect(await stack.exited).toBe(0);
    expect(stack.output().match(/Stopping the local stack/g)).toHaveLength(1);
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  }, 90_000);
});
