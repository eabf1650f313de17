import { describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRunFile } from '../../local/run-file.ts';
import { getComplaint, listComplaints } from '../../shared/complaints/complaint-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { raiseComplaint } from '../../shared/complaints/open-complaint.ts';
import { complaintHandlingFrom } from '../../shared/complaints/handling-config.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { runCli } from '../../cli/main.ts';
import { aContact, demoConfig } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { complaintPathIn, linkPath, mailSentTo, postForm } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const MANAGER = 'priya.shah@acme.example';
const HEAD = demoConfig.complaintHandling.headOfServiceEmail;
// Monday 23 November 2026, 10:00 in London: inside business hours.
let clock = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => clock });

const post = (path: string, fields: Record<string, string>) => postForm(pipelines.current, path, fields, { 'user-agent': BROWSER });
/** Complaint mail only: managers are staff too, and get the staff questionnaire in the same wave. */
const complaintMailTo = async (address: string) => (await mailSentTo(pipelines.current, address)).filter((e) => /complaint/i.test(e.subject));

/** A customer of the Installations department, invited; returns the pipeline, their answer path and link id. */
async function invitedCustomer(contact = aContact({ name: 'Grace <Hopper>', staffEmail: 'sam.reed@acme.example', departmentId: 'installations' })) {
  clock = new Date('2026-11-23T10:00:00Z');
  const pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
  const { answerPath, invitation, linkId } = await inviteCustomer(pipeline, contact);
  return { pipeline, contact, invitation, path: answerPath, complaintId: linkId };
}

async function complain(path: string) {
  const started = Date.now();
  const response = await post(path, { score: '2', [fieldNames.comment]: 'The fitter <b>broke</b> a tile & left', [fieldNames.complaint]: 'yes' });
  expect(response.status).toBe(200);
  await pipelines.current.drained();
  return Date.now() - started;
}

describe('complaint escalation', () => {
  it('reaches the department manager within seconds, with what they need and escaped', async () => {
    const { path, contact } = await invitedCustomer();
    const elapsed = await complain(path);
    expect(elapsed).toBeLessThan(10_000);

    const [escalation, ...more] = await complaintMailTo(MANAGER);
    expect(more).toEqual([]);
    expect(escalation!.subject).toContain('Complaint: Grace <Hopper> (Installations)');
    const text = escalation!.body.text!;
    expect(text).toContain(`Customer: Grace <Hopper> <${contact.email}>`);
    expect(text).toContain('Served by: Sam Reed');
    expect(text).toContain('Why: The customer asked to be contacted; Low score');
    expect(text).toContain('The fitter <b>broke</b> a tile & left');
    expect(text).toMatch(/Acknowledge by Mon 23 Nov, 14:00/);
    expect(escalation!.body.html).toContain('The fitter &lt;b&gt;broke&lt;/b&gt; a tile &amp; left');
    expect(escalation!.body.html).not.toContain('<b>broke</b>');
    for (const action of ['acknowledge', 'resolve', 'reassign']) expect(text).toMatch(new RegExp(`/complaints/[^?\\s]+\\?action=${action}`));
  });

  it('Acknowledge: the GET only asks; the POST updates the state and tells the customer who handles it, once', async () => {
    const { pipeline, path, contact, complaintId } = await invitedCustomer();
    await complain(path);
    const [escalation] = await complaintMailTo(MANAGER);
    const confirm = linkPath(escalation!.body.text!, '/complaints/');
    expect(confirm).toContain('action=acknowledge');

    const page = await pipeline.app.request(confirm);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Grace &lt;Hopper&gt;');
    expect((await getComplaint(pipeline.table, complaintId))?.state).toBe('open');

    const actionPath = `${confirm.split('?')[0]}/acknowledge`;
    clock = new Date('2026-11-23T11:30:00Z');
    expect((await post(actionPath, {})).status).toBe(200);
    const again = await post(actionPath, {});
    expect(await again.text()).toContain('already acknowledged');
    await pipeline.drained();

    expect(await getComplaint(pipeline.table, complaintId)).toMatchObject({ state: 'acknowledged', acknowledgedAt: '2026-11-23T11:30:00.000Z', acknowledgedBy: MANAGER });
    const toCustomer = (await mailSentTo(pipeline, contact.email)).filter((e) => e.subject.includes('looking into your complaint'));
    expect(toCustomer).toHaveLength(1);
    expect(toCustomer[0]!.body.text).toContain('Priya Shah is now handling your complaint');
  });

  it('past the SLA, the sweep escalates exactly once to the head of service, however often it runs', async () => {
    const { pipeline, path, complaintId } = await invitedCustomer();
    await complain(path);
    clock = new Date('2026-11-23T13:59:00Z');
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ escalated: 0 });

    clock = new Date('2026-11-23T14:01:00Z');
    const sweeps = await Promise.all([pipeline.jobs.sweepComplaints(), pipeline.jobs.sweepComplaints()]);
    await pipeline.jobs.sweepComplaints();
    await pipeline.drained();
    expect(sweeps.reduce((sum, s) => sum + s.escalated, 0)).toBe(1);

    const toHead = await complaintMailTo(HEAD);
    expect(toHead).toHaveLength(1);
    expect(toHead[0]!.subject).toContain('Overdue complaint');
    expect(toHead[0]!.body.text).toContain('has passed its deadline (not acknowledged)');
    expect(await getComplaint(pipeline.table, complaintId)).toMatchObject({ level: 2, escalatedAt: '2026-11-23T14:01:00.000Z' });
  });

  it('a duplicated queue message sends nothing twice', async () => {
    const { pipeline, path, complaintId } = await invitedCustomer();
    await complain(path);
    await pipeline.complaintQueue.send([
      { complaintId, key: 'opened' },
      { complaintId, key: 'opened' },
    ]);
    await pipeline.drained();
    expect(await complaintMailTo(MANAGER)).toHaveLength(1);
  });

  it('a notification lost before it was queued is sent by the next sweep', async () => {
    const { pipeline, complaintId, invitation } = await invitedCustomer();
    // The queue call fails after the complaint is written: nothing reaches the manager yet.
    await raiseComplaint(
      { table: pipeline.table, queue: { send: async () => Promise.reject(new Error('SQS unavailable')) }, handling: complaintHandlingFrom(demoConfig) },
      { invitation, reasons: ['requested'], anonymous: false, at: clock },
    ).catch(() => undefined);
    expect((await getComplaint(pipeline.table, complaintId))?.state).toBe('open');
    expect(await complaintMailTo(MANAGER)).toEqual([]);

    clock = new Date(clock.getTime() + 3 * 60_000);
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ resent: 1, escalated: 0 });
    await pipeline.drained();
    expect(await complaintMailTo(MANAGER)).toHaveLength(1);
  });

  it('Reassign hands it to another manager, who is emailed and resolves it with a note from their own link', async () => {
    const { pipeline, path, complaintId } = await invitedCustomer();
    await complain(path);
    const [escalation] = await complaintMailTo(MANAGER);
    const base = complaintPathIn(escalation!);

    expect((await post(`${base}/reassign`, { to: 'nobody@elsewhere.example' })).status).toBe(400);
    expect((await post(`${base}/reassign`, { to: 'tom.osei@acme.example' })).status).toBe(200);
    await pipeline.drained();
    const [reassigned] = await complaintMailTo('tom.osei@acme.example');
    expect(reassigned!.body.text).toContain('reassigned to you');

    // The new owner resolves it through their own email's link.
    clock = new Date('2026-11-24T09:30:00Z');
    expect((await post(`${complaintPathIn(reassigned!)}/resolve`, { note: 'Tile replaced, visit refunded' })).status).toBe(200);
    expect(await getComplaint(pipeline.table, complaintId)).toMatchObject({ state: 'resolved', ownerEmail: 'tom.osei@acme.example', resolutionNote: 'Tile replaced, visit refunded', resolvedAt: '2026-11-24T09:30:00.000Z' });
    expect(await listComplaints(pipeline.table)).toEqual([]);
    expect(await listComplaints(pipeline.table, { closedSince: new Date('2026-11-01T00:00:00Z') })).toHaveLength(1);
  });

  it('a forged or wrong-purpose complaint link changes nothing', async () => {
    const { pipeline, path, complaintId } = await invitedCustomer();
    await complain(path);
    for (const bad of [`/complaints/v1.complaint.${complaintId}.9999999999.forged/acknowledge`, `${path}/acknowledge`.replace('/q/', '/complaints/')]) {
      expect((await post(bad, {})).status).toBe(404);
    }
    expect((await getComplaint(pipeline.table, complaintId))?.state).toBe('open');
  });
});

describe('feedback complaints (CLI)', () => {
  it('lists open complaints with age, state, owner and deadline, as a table or JSON', async () => {
    const { pipeline, path } = await invitedCustomer();
    await complain(path);
    const lines: string[] = [];
    // The CLI finds the local stack through its run file: point one at the test table.
    const dataDir = mkdtempSync(join(tmpdir(), 'cli-'));
    process.env['FEEDBACK_DATA_DIR'] = dataDir;
    writeRunFile(join(dataDir, 'local-stack.json'), {
      pid: process.pid,
      apiUrl: 'http://localhost:1',
      inboxUrl: pipeline.inbox.url,
      dynamodbEndpoint: inject('dynamodbEndpoint'),
      tableName: pipeline.table.name,
      startedAt: clock.toISOString(),
    });
    try {
      expect(await runCli(['complaints', '--open'], (line) => lines.push(line))).toBe(0);
      expect(lines.join('\n')).toMatch(/ID\s+AGE\s+STATE\s+OWNER\s+DEADLINE/);
      expect(lines.join('\n')).toContain(MANAGER);
      lines.length = 0;
      expect(await runCli(['complaints', '--format', 'json'], (line) => lines.push(line))).toBe(0);
      expect(JSON.parse(lines.join('\n'))).toEqual([expect.objectContaining({ state: 'open', ownerEmail: MANAGER })]);
      expect(await runCli(['complaints', '--format', 'xml'], () => undefined)).toBe(2);
    } finally {
      delete process.env['FEEDBACK_DATA_DIR'];
    }
  });
});
