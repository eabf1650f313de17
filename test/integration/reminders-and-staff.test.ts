import { describe, expect, it } from 'vitest';
import { markUnsubscribed, saveContact } from '../../shared/people/contact-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { aContact } from '../support/factories.ts';
import { inviteCustomers } from '../support/invite-customer.ts';
import { answerPathIn, inboxEmails, postForm } from '../support/local-services.ts';
import { storedResponseItems } from '../support/stored-responses.ts';
import { usePipeline } from '../support/use-pipeline.ts';

let clock = new Date('2026-11-23T09:00:00Z');
const at = (iso: string) => (clock = new Date(iso));
const pipelines = usePipeline({ now: () => clock });

describe('the one reminder', () => {
  it('goes only to those who have not answered or opted out, once', async () => {
    at('2026-11-23T09:00:00Z');
    const pipeline = await pipelines.start();
    const [answers, ignores, optsOut] = [aContact(), aContact(), aContact()];
    const [answered] = await inviteCustomers(pipeline, [answers, ignores, optsOut]);
    expect((await postForm(pipeline, answered!.answerPath, { score: '8' })).status).toBe(200);
    await markUnsubscribed(pipeline.table, 'customers', optsOut.email, clock.toISOString());

    at('2026-11-25T10:00:00Z');
    const early = await pipeline.jobs.sendReminders();
    expect(early.reminders.find((r) => r.questionnaireId === 'customer-service')).toMatchObject({ considered: 3, queued: 0 });

    at('2026-11-30T10:00:00Z');
    await pipeline.jobs.sendReminders();
    await pipeline.sendQueue.drained();
    await pipeline.jobs.sendReminders();
    await pipeline.sendQueue.drained();

    const reminders = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.startsWith('Reminder'));
    expect(reminders.map((e) => e.destination.to[0])).toEqual([ignores.email]);
    expect(reminders[0]!.body.text).toContain('A few days ago we asked for your view');
  });
});

describe('staff questionnaires', () => {
  it('go to staff through the same machinery, and their answers are stored without the respondent', async () => {
    at('2026-11-23T09:00:00Z');
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const { waves } = await pipeline.jobs.planWave();
    await pipeline.sendQueue.drained();
    expect(waves.find((w) => w.questionnaireId === 'staff-policies')).toMatchObject({ considered: 6, queued: 6 });

    const staffMail = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.includes('How do our policies work for you?'));
    expect(staffMail).toHaveLength(6);
    expect((await postForm(pipeline, answerPathIn(staffMail[0]!), { score: '2' })).status).toBe(200);

    const Items = await storedResponseItems(pipeline.table, 'staff-policies', '2026-W48');
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({ headlineScore: 2 });
    expect(Items[0]).not.toHaveProperty('respondent');
    expect(JSON.stringify(Items[0])).not.toContain('@');
  });

  it('never reach someone who is both staff and a customer twice within the frequency cap', async () => {
    at('2026-11-23T09:00:00Z');
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    await saveContact(pipeline.table, aContact({ email: 'ola.nowak@acme.example', name: 'Ola Nowak', lastInteractionAt: '2026-11-20T10:00:00.000Z' }));
    await pipeline.jobs.planWave();
    await pipeline.sendQueue.drained();
    expect(await mailTo(pipeline, 'ola.nowak@acme.example')).toHaveLength(1);

    // A week later she is still within the 30-day cap, as either audience.
    at('2026-11-30T09:00:00Z');
    await pipeline.jobs.planWave();
    await pipeline.sendQueue.drained();
    expect(await mailTo(pipeline, 'ola.nowak@acme.example')).toHaveLength(1);
  });
});

async function mailTo(pipeline: Awaited<ReturnType<typeof pipelines.start>>, address: string) {
  return (await inboxEmails(pipeline.inbox)).filter((e) => e.destination.to[0] === address);
}
