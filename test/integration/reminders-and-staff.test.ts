import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { saveContact, markUnsubscribed } from '../../shared/people/contact-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { aContact } from '../support/factories.ts';
import { inboxEmails, linkPath, startTestPipeline } from '../support/local-services.ts';

type Pipeline = Awaited<ReturnType<typeof startTestPipeline>>;
let pipeline: Pipeline;
afterEach(async () => pipeline?.stop());

let clock = new Date('2026-11-23T09:00:00Z');
const at = (iso: string) => (clock = new Date(iso));

describe('the one reminder', () => {
  it('goes only to those who have not answered or opted out, once', async () => {
    at('2026-11-23T09:00:00Z');
    pipeline = await startTestPipeline({ now: () => clock });
    const [answers, ignores, optsOut] = [aContact(), aContact(), aContact()];
    for (const contact of [answers, ignores, optsOut]) await saveContact(pipeline.table, contact);
    await pipeline.jobs.planWave();
    await pipeline.sendQueue.drained();

    const invitationTo = async (email: string) => (await inboxEmails(pipeline.inbox)).find((e) => e.destination.to[0] === email)!;
    const path = linkPath((await invitationTo(answers.email)).body.text!, '/q/').split('?')[0]!;
    expect((await pipeline.app.request(path, { method: 'POST', body: new URLSearchParams({ score: '8' }) })).status).toBe(200);
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
    pipeline = await startTestPipeline({ now: () => clock });
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const { waves } = await pipeline.jobs.planWave();
    await pipeline.sendQueue.drained();
    expect(waves.find((w) => w.questionnaireId === 'staff-policies')).toMatchObject({ considered: 6, queued: 6 });

    const staffMail = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.includes('How do our policies work for you?'));
    expect(staffMail).toHaveLength(6);
    const path = linkPath(staffMail[0]!.body.text!, '/q/').split('?')[0]!;
    expect((await pipeline.app.request(path, { method: 'POST', body: new URLSearchParams({ score: '2' }) })).status).toBe(200);

    const { Items = [] } = await pipeline.table.db.send(new QueryCommand({ TableName: pipeline.table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'RESPONSE#staff-policies#2026-W48' } }));
    expect(Items).toHaveLength(1);
    expect(Items[0]).toMatchObject({ headlineScore: 2 });
    expect(Items[0]).not.toHaveProperty('respondent');
    expect(JSON.stringify(Items[0])).not.toContain('@');
  });
});
