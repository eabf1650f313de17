import { describe, expect, it } from 'vitest';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import type { TComplaintMessage } from '../../shared/complaints/complaint-messages.ts';
import { aContact, demoConfig } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { complaintPathIn, mailSentTo, postForm, type TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const OWNER = 'priya.shah@acme.example';
const HEAD = demoConfig.complaintHandling.headOfServiceEmail;
const OTHER_MANAGERS = ['tom.osei@acme.example', 'lena.novak@acme.example', HEAD];
// Monday 23 November 2026, 10:00 in London: inside business hours.
let clock = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => clock });

const post = (path: string, fields: Record<string, string> = {}) => postForm(pipelines.current, path, fields, { 'user-agent': BROWSER });
const complaintMailTo = async (address: string) => (await mailSentTo(pipelines.current, address)).filter((e) => /complaint/i.test(e.subject));
const minutesLater = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

/** A complaint from a customer of Installations, notified to its manager; returns the manager's link and the complaint id. */
async function openedComplaint() {
  clock = new Date('2026-11-23T10:00:00Z');
  const pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
  const contact = aContact({ staffEmail: 'sam.reed@acme.example', departmentId: 'installations' });
  const { answerPath, linkId } = await inviteCustomer(pipeline, contact);
  expect((await post(answerPath, { score: '2', [fieldNames.complaint]: 'yes' })).status).toBe(200);
  await pipeline.drained();
  const [opened] = await complaintMailTo(OWNER);
  return { pipeline, contact, complaintId: linkId, ownerLink: complaintPathIn(opened!) };
}

/** Drops every complaint message queued while `act` runs, as a crash right after the state change would. */
async function withQueueLost<T>(pipeline: TestPipeline, act: () => Promise<T>): Promise<T> {
  const queue = pipeline.complaintQueue as { send: (messages: readonly TComplaintMessage[]) => Promise<void> };
  queue.send = async () => undefined;
  try {
    return await act();
  } finally {
    delete (queue as Partial<typeof queue>).send;
  }
}

describe('concurrent complaint actions', () => {
  it('parallel Reassigns to different managers: exactly one wins, its new owner is emailed once, and every other click is told who holds it', async () => {
    const { pipeline, complaintId, ownerLink } = await openedComplaint();

    const replies = await Promise.all(OTHER_MANAGERS.map(async (to) => ({ to, response: await post(`${ownerLink}/reassign`, { to }) })));
    await pipeline.drained();

    const final = (await getComplaint(pipeline.table, complaintId))!;
    const texts = await Promise.all(replies.map(async ({ to, response }) => ({ to, status: response.status, text: await response.text() })));
    const winners = texts.filter((reply) => /Reassigned to/.test(reply.text));
    expect(winners).toEqual([expect.objectContaining({ to: final.ownerEmail, status: 200 })]);
    for (const loser of texts.filter((reply) => reply.to !== final.ownerEmail)) {
      expect(loser.status).toBe(409);
      expect(loser.text).toContain(`now held by ${final.ownerEmail}`);
      expect(loser.text).not.toContain('emailed');
    }
    for (const manager of OTHER_MANAGERS) {
      const reassignedMail = (await complaintMailTo(manager)).filter((email) => email.body.text!.includes('reassigned to you'));
      expect(reassignedMail).toHaveLength(manager === final.ownerEmail ? 1 : 0);
    }
    expect(final.history.filter((entry) => entry.event.startsWith('reassigned'))).toHaveLength(1);
  });

  it('a Resolve racing a Reassign: exactly one takes effect, and the other click is told why nothing changed', async () => {
    const { pipeline, complaintId, ownerLink } = await openedComplaint();
    const [resolve, reassign] = await Promise.all([post(`${ownerLink}/resolve`, { note: 'Refunded' }), post(`${ownerLink}/reassign`, { to: 'tom.osei@acme.example' })]);
    await pipeline.drained();
    const [resolveText, reassignText] = await Promise.all([resolve.text(), reassign.text()]);
    const final = (await getComplaint(pipeline.table, complaintId))!;
    const tomMail = await complaintMailTo('tom.osei@acme.example');
    if (final.state === 'resolved') {
      expect(final).toMatchObject({ ownerEmail: OWNER, acknowledgedBy: OWNER });
      expect(reassignText).toContain('already resolved');
      expect(tomMail).toEqual([]);
    } else {
      expect(final).toMatchObject({ state: 'open', ownerEmail: 'tom.osei@acme.example' });
      expect(resolveText).toContain('now held by tom.osei@acme.example');
      expect(tomMail).toHaveLength(1);
    }
  });

  it('parallel Acknowledge clicks record one acknowledgement and tell the customer once', async () => {
    const { pipeline, contact, complaintId, ownerLink } = await openedComplaint();
    const replies = await Promise.all([1, 2, 3].map(() => post(`${ownerLink}/acknowledge`)));
    await pipeline.drained();
    const texts = await Promise.all(replies.map((reply) => reply.text()));
    expect(texts.filter((text) => text.includes('Acknowledged.'))).toHaveLength(1);
    expect((await getComplaint(pipeline.table, complaintId))!.history.filter((entry) => entry.event === 'acknowledged')).toHaveLength(1);
    expect((await mailSentTo(pipeline, contact.email)).filter((email) => email.subject.includes('looking into your complaint'))).toHaveLength(1);
  });
});

describe('every notification a state change implies is sent, even when its message is lost', () => {
  it('opened: the sweep sends the owner the complaint', async () => {
    clock = new Date('2026-11-23T10:00:00Z');
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const { answerPath } = await inviteCustomer(pipeline, aContact({ departmentId: 'installations' }));
    await withQueueLost(pipeline, () => post(answerPath, { score: '2', [fieldNames.complaint]: 'yes' }));
    await pipeline.drained();
    expect(await complaintMailTo(OWNER)).toEqual([]);

    minutesLater(3);
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ resent: 1 });
    await pipeline.drained();
    expect(await complaintMailTo(OWNER)).toHaveLength(1);
  });

  it('reassigned: the sweep sends the new owner the complaint', async () => {
    const { pipeline, ownerLink } = await openedComplaint();
    expect((await withQueueLost(pipeline, () => post(`${ownerLink}/reassign`, { to: 'tom.osei@acme.example' }))).status).toBe(200);
    await pipeline.drained();
    expect(await complaintMailTo('tom.osei@acme.example')).toEqual([]);

    minutesLater(1);
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ resent: 0 });
    minutesLater(2);
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ resent: 1 });
    await pipeline.jobs.sweepComplaints();
    await pipeline.drained();
    const mail = await complaintMailTo('tom.osei@acme.example');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body.text).toContain('reassigned to you');
  });

  it('customer-acknowledged: the sweep tells the customer who handles it', async () => {
    const { pipeline, contact, ownerLink } = await openedComplaint();
    await withQueueLost(pipeline, () => post(`${ownerLink}/acknowledge`));
    await pipeline.drained();
    minutesLater(3);
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ resent: 1 });
    await pipeline.drained();
    const told = (await mailSentTo(pipeline, contact.email)).filter((email) => email.subject.includes('looking into your complaint'));
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).toContain('Priya Shah is now handling your complaint');
  });

  it('escalated: the next sweep sends the head of service the overdue complaint', async () => {
    const { pipeline } = await openedComplaint();
    clock = new Date('2026-11-23T14:01:00Z');
    expect(await withQueueLost(pipeline, () => pipeline.jobs.sweepComplaints())).toMatchObject({ escalated: 1 });
    await pipeline.drained();
    expect(await complaintMailTo(HEAD)).toEqual([]);

    minutesLater(15);
    expect(await pipeline.jobs.sweepComplaints()).toMatchObject({ escalated: 0, resent: 1 });
    await pipeline.drained();
    expect(await complaintMailTo(HEAD)).toHaveLength(1);
  });
});

describe('complaint links act for the current owner only', () => {
  it('after a Reassign, the former owner’s link shows who holds the complaint, offers no action and changes nothing', async () => {
    const { pipeline, complaintId, ownerLink } = await openedComplaint();
    expect((await post(`${ownerLink}/reassign`, { to: 'tom.osei@acme.example' })).status).toBe(200);
    await pipeline.drained();
    const before = await getComplaint(pipeline.table, complaintId);

    const page = await pipeline.app.request(`${ownerLink}?action=acknowledge`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('now held by tom.osei@acme.example');
    expect(html).not.toContain('<form');

    for (const [action, fields] of [['acknowledge', {}], ['resolve', { note: 'done' }], ['reassign', { to: 'lena.novak@acme.example' }]] as const) {
      const reply = await post(`${ownerLink}/${action}`, fields);
      expect(reply.status).toBe(409);
      expect(await reply.text()).toContain('now held by tom.osei@acme.example');
    }
    await pipeline.drained();
    expect(await getComplaint(pipeline.table, complaintId)).toEqual(before);
    expect(await complaintMailTo('lena.novak@acme.example')).toEqual([]);
  });

  it('the new owner’s link acts, and records who acted', async () => {
    const { pipeline, complaintId, ownerLink } = await openedComplaint();
    await post(`${ownerLink}/reassign`, { to: 'tom.osei@acme.example' });
    await pipeline.drained();
    const [reassigned] = await complaintMailTo('tom.osei@acme.example');
    const tomLink = complaintPathIn(reassigned!);

    const page = await (await pipeline.app.request(tomLink)).text();
    expect(page).toContain('action="' + tomLink + '/acknowledge"');
    expect((await post(`${tomLink}/acknowledge`)).status).toBe(200);
    expect(await getComplaint(pipeline.table, complaintId)).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'tom.osei@acme.example', ownerEmail: 'tom.osei@acme.example' });
  });

  it('the head of service’s escalation link acts on the overdue complaint', async () => {
    const { pipeline, complaintId } = await openedComplaint();
    clock = new Date('2026-11-23T14:01:00Z');
    await pipeline.jobs.sweepComplaints();
    await pipeline.drained();
    const [escalation] = await complaintMailTo(HEAD);
    expect((await post(`${complaintPathIn(escalation!)}/resolve`, { note: 'Called the customer' })).status).toBe(200);
    expect(await getComplaint(pipeline.table, complaintId)).toMatchObject({ state: 'resolved', acknowledgedBy: HEAD });
  });
});
