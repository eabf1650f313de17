import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveContact, getContact, markInvited, markUnsubscribed } from '../../shared/people/contact-store.ts';
import { saveStaffMember } from '../../shared/people/directory-store.ts';
import { createInvitation, getInvitation } from '../../shared/invitations/invitation-store.ts';
import { newLinkId } from '../../shared/platform/tokens/link-token.ts';
import { createLogger } from '../../shared/platform/observability/logger.ts';
import { createSenderHandler } from '../../functions/sender/sender.ts';
import type { SQSEvent } from 'aws-lambda';
import { suppressAddress } from '../../shared/people/suppression-store.ts';
import { aContact, demoQuestionnaires } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { inboxEmails, type TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { emittedMetrics, metricTotal } from '../support/metrics-collector.ts';

const now = new Date('2026-11-23T09:00:00Z');
const pipelines = usePipeline({ now: () => now });
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

async function seed(p: TestPipeline) {
  const due = [aContact(), aContact(), aContact({ lastInvitedAt: daysAgo(120) })];
  const unsubscribed = aContact();
  const suppressed = aContact();
  const recent = aContact();
  for (const contact of [...due, unsubscribed, suppressed, recent]) await saveContact(p.table, contact);
  await markUnsubscribed(p.table, 'customers', unsubscribed.email, daysAgo(5));
  await suppressAddress(p.table, { email: suppressed.email, reason: 'bounce', detail: 'Permanent/General', at: daysAgo(5) });
  await markInvited(p.table, 'customers', recent.email, daysAgo(10));
  for (const contact of due.filter((c) => c.lastInvitedAt)) await markInvited(p.table, 'customers', contact.email, contact.lastInvitedAt!);
  return { due, unsubscribed, suppressed, recent };
}

/** Plans this week's wave and waits for the queue; returns the customer questionnaire's summary. */
async function sendWave(p: TestPipeline, at = now) {
  const { waves } = await p.jobs.planWave(at);
  await p.sendQueue.drained();
  return waves.find((w) => w.questionnaireId === 'customer-service')!;
}

describe('planning and sending a wave (DynamoDB Local + SES emulator)', () => {
  it('mails each due contact once, and nobody unsubscribed, suppressed or recently surveyed', async () => {
    const pipeline = await pipelines.start();
    const { due } = await seed(pipeline);

    const summary = await sendWave(pipeline);
    expect(summary).toMatchObject({ waveId: '2026-W48', benchmark: true, considered: 6, queued: 3, skipped: { unsubscribed: 1, suppressed: 1, 'frequency-cap': 1, 'not-due': 0 } });

    const emails = await inboxEmails(pipeline.inbox);
    expect(emails.map((e) => e.destination.to[0]).sort()).toEqual(due.map((c) => c.email).sort());
    const invitation = await getInvitation(pipeline.table, { questionnaireId: 'customer-service', waveId: '2026-W48', email: due[0]!.email });
    expect(invitation).toMatchObject({ status: 'sent', sentAt: now.toISOString(), sesMessageId: expect.any(String) });
    // Headers as a mail client reads them: folded lines joined (RFC 5322 §2.2.3).
    const eml = readdirSync(pipeline.mailDir).map((file) => readFileSync(join(pipeline.mailDir, file), 'utf8').replace(/\r\n[ \t]+/g, ' '));
    expect(eml).toHaveLength(3);
    for (const raw of eml) {
      expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/feedback\.test\/unsubscribe\//m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expect(raw).toMatch(/text\/plain[\s\S]*text\/html/);
    }
  });

  it('a repeated run in the same week sends nothing new, and is not a new benchmark', async () => {
    const pipeline = await pipelines.start();
    await seed(pipeline);
    await sendWave(pipeline);
    const again = await sendWave(pipeline);
    expect(again).toMatchObject({ queued: 0, alreadyInvited: 3, benchmark: true });
    expect(await inboxEmails(pipeline.inbox)).toHaveLength(3);

    const nextWeek = await sendWave(pipeline, new Date('2026-11-30T09:00:00Z'));
    expect(nextWeek).toMatchObject({ waveId: '2026-W49', benchmark: false, queued: 0 });
  });

  it('SES throttling is retried through the queue: nothing lost, nothing sent twice', async () => {
    let calls = 0;
    // The SES emulator cannot throttle, so a wrapper around the client injects it: every other call is refused.
    const pipeline = await pipelines.start({
      wrapMailer: (mailer) => ({
        async sendRaw(raw) {
          calls++;
          if (calls % 2 === 1) throw Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
          return mailer.sendRaw(raw);
        },
      }),
    });
    const { due } = await seed(pipeline);
    await sendWave(pipeline);
    expect(calls).toBe(6);
    const recipients = (await inboxEmails(pipeline.inbox)).map((e) => e.destination.to[0]);
    expect(recipients.sort()).toEqual(due.map((c) => c.email).sort());
    expect(pipeline.sendQueue.deadLetters).toEqual([]);
    expect(pipeline.logLines.filter((line) => line.includes('"errorName":"Throttling"'))).toHaveLength(3);
    // Logs name messages and outcomes, never the people: no address appears in them.
    expect(pipeline.logLines.join('\n')).not.toContain('@');
  });

  it('SES refusing an unverified sender stops the wave without failing an invitation; once fixed, every invitation goes', async () => {
    let verified = false;
    let refusals = 0;
    // The emulator accepts any sender, so a wrapper plays SES in the sandbox until the identity is verified.
    const pipeline = await pipelines.start({
      wrapMailer: (mailer) => ({
        async sendRaw(raw) {
          if (verified) return mailer.sendRaw(raw);
          if (++refusals === 2) verified = true; // the admin verifies the identity while the queue retries
          throw Object.assign(new Error('Email address is not verified. The following identities failed the check in region EU-WEST-2: feedback@example.com'), { name: 'MessageRejected' });
        },
      }),
    });
    emittedMetrics.length = 0;
    const { due } = await seed(pipeline);
    await sendWave(pipeline);

    const recipients = (await inboxEmails(pipeline.inbox)).map((e) => e.destination.to[0]);
    expect(recipients.sort()).toEqual(due.map((c) => c.email).sort());
    for (const contact of due) expect(await getInvitation(pipeline.table, { questionnaireId: 'customer-service', waveId: '2026-W48', email: contact.email })).toMatchObject({ status: 'sent' });
    expect(pipeline.sendQueue.deadLetters).toEqual([]);
    expect(metricTotal('SendingBlocked')).toBe(refusals);
    expect(metricTotal('SendFailures')).toBe(0);
    expect(pipeline.logLines.some((line) => line.includes('SES refuses to send for this sender or account'))).toBe(true);
    expect(pipeline.logLines.join('\n')).not.toContain('@');
  });

  it('once SES refuses the sender, the rest of the batch goes back to the queue without asking SES', async () => {
    const pipeline = await pipelines.start();
    const contacts = [aContact(), aContact(), aContact()];
    for (const contact of contacts) {
      await saveContact(pipeline.table, contact);
      await createInvitation(pipeline.table, { audience: 'customers', questionnaireId: 'customer-service', waveId: '2026-W48', email: contact.email, name: contact.name, language: 'en', linkId: newLinkId(), status: 'queued', createdAt: now.toISOString() });
    }
    let calls = 0;
    const sender = createSenderHandler({
      table: pipeline.table,
      mailer: { sendRaw: async () => Promise.reject(Object.assign(new Error(`Email address is not verified (call ${++calls}).`), { name: 'MessageRejected' })) },
      questionnaires: demoQuestionnaires,
      businessName: 'Acme',
      senderAddress: 'feedback@example.com',
      publicBaseUrl: 'https://feedback.test',
      linkSecret: async () => 'test-secret-'.padEnd(40, 'x'),
      linkValidityDays: 30,
      timeZone: 'Europe/London',
      now: () => now,
      log: createLogger({ write: () => undefined }),
    });
    const Records = contacts.map((contact, i) => ({ messageId: `m${i}`, receiptHandle: `r${i}`, body: JSON.stringify({ questionnaireId: 'customer-service', waveId: '2026-W48', email: contact.email }), attributes: { ApproximateReceiveCount: '1' }, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:local:000000000000:send', awsRegion: 'local' }));
    const result = await sender({ Records } as unknown as SQSEvent);
    expect(calls).toBe(1);
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m0', 'm1', 'm2']);
    for (const contact of contacts) expect(await getInvitation(pipeline.table, { questionnaireId: 'customer-service', waveId: '2026-W48', email: contact.email })).toMatchObject({ status: 'queued' });
  });

  it('a poison message ends in the dead-letter queue without holding up the others', async () => {
    const pipeline = await pipelines.start();
    const contact = aContact();
    await saveContact(pipeline.table, contact);
    await pipeline.sendQueue.send([{ questionnaireId: 'customer-service', waveId: '2026-W01', email: 'nobody@customer.example' }]);
    await sendWave(pipeline);
    expect(pipeline.sendQueue.deadLetters).toEqual([{ body: { questionnaireId: 'customer-service', waveId: '2026-W01', email: 'nobody@customer.example' }, receiveCount: 5 }]);
    expect((await inboxEmails(pipeline.inbox)).map((e) => e.destination.to[0])).toEqual([contact.email]);
  });
});

describe('answer and unsubscribe links', () => {
  it('a forged, tampered or wrong-purpose link gets the same 404 page and changes nothing', async () => {
    const pipeline = await pipelines.start();
    const { answerPath: answer, unsubscribePath: unsubscribe } = await inviteCustomer(pipeline);
    const pages = await Promise.all(
      [answer.slice(0, -2) + 'xx', '/q/v1.answer.AAAAAAAAAAAAAAAAAAAAAA.9999999999.sig', unsubscribe.replace('/unsubscribe/', '/q/'), answer.replace('/q/', '/unsubscribe/')].map(async (path) => {
        const response = await pipeline.app.request(path);
        return { status: response.status, body: await response.text() };
      }),
    );
    for (const page of pages) {
      expect(page.status).toBe(404);
      expect(page.body).toBe(pages[0]!.body);
    }
  });

  it('a GET of the unsubscribe link only asks; the one-click POST unsubscribes with a 200', async () => {
    const pipeline = await pipelines.start();
    const { contact, unsubscribePath: path } = await inviteCustomer(pipeline);

    const confirm = await pipeline.app.request(path);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('<form method="post"');
    expect((await getContact(pipeline.table, contact.email))?.unsubscribedAt).toBeUndefined();

    const done = await pipeline.app.request(path, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);
    expect((await getContact(pipeline.table, contact.email))?.unsubscribedAt).toBeDefined();
    const item = await pipeline.table.db.send(new GetCommand({ TableName: pipeline.table.name, Key: { pk: `CONTACT#${contact.email}`, sk: 'PROFILE' } }));
    expect(item.Item?.['unsubscribedAt']).toBe(now.toISOString());
  });
});

describe('the invitation names the interaction it asks about', () => {
  it('with the service, the staff member who served and the date imported with the interaction', async () => {
    const pipeline = await pipelines.start();
    await saveStaffMember(pipeline.table, { email: 'sam.reed@acme.example', name: 'Sam Reed', departmentId: 'repairs', role: 'staff' });
    const { invitationEmail } = await inviteCustomer(pipeline, aContact({ staffEmail: 'sam.reed@acme.example', service: 'boiler service', lastInteractionAt: '2026-11-18T10:00:00.000Z' }));
    expect(invitationEmail.body.text).toContain('This is about your boiler service with Sam Reed on 18 November.');
  });

  it('in the contact’s language, the date written as a Spanish reader writes it', async () => {
    const pipeline = await pipelines.start();
    const { invitationEmail } = await inviteCustomer(pipeline, aContact({ language: 'es', service: 'revisión de la caldera', lastInteractionAt: '2026-11-18T10:00:00.000Z' }));
    expect(invitationEmail.body.text).toContain('Se trata de su revisión de la caldera el 18 de noviembre.');
  });
});
