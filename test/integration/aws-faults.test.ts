import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getInvitation } from '../../shared/invitations/invitation-store.ts';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { sesMailer, SendOutcomeUnknownError, type Mailer } from '../../shared/platform/mail/mailer.ts';
import { aContact } from '../support/factories.ts';
import { injectDynamoFaults } from '../support/faults.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { inboxEmails, postForm } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => now });
let proxy: Server | undefined;
afterEach(() => {
  proxy?.close();
  proxy = undefined;
});
const invitationKey = (email: string) => ({ questionnaireId: 'customer-service', waveId: '2026-W48', email });

/**
 * Stands between the SES client and the SES emulator: every request reaches the emulator (so
 * its mail is really sent), and `answer` decides what the client hears back and when. The
 * emulator answers at once and cannot be slow or throttle by itself.
 */
async function sesProxy(target: string, answer: (request: number) => { delayMs?: number; throttle?: boolean }) {
  const stats = { requests: 0, times: [] as number[] };
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      stats.times.push(Date.now());
      const plan = answer(++stats.requests);
      if (plan.throttle) {
        const body = '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Maximum sending rate exceeded.</Message></Error><RequestId>r</RequestId></ErrorResponse>';
        res.writeHead(400, { 'content-type': 'text/xml' }).end(body);
        return;
      }
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers: { 'content-type': String(req.headers['content-type']), authorization: String(req.headers['authorization']) }, body: Buffer.concat(chunks) });
      const text = await upstream.text();
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' }).end(text);
      }, plan.delayMs ?? 0);
    });
  });
  await new Promise<void>((ready) => proxy!.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(proxy!.address() as AddressInfo).port}`, stats };
}

/**
 * A tight budget, so the test does not wait long: SES answering after 2 s counts as no answer
 * (the emulator itself answers in milliseconds, with room for a busy machine).
 */
const TIGHT = { maxAttempts: 3, connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000 };
const LATE_MS = 4_000;

/** The pipeline's mailer, pointed at the proxy once it is listening (the pipeline is built first). */
function mailerThrough(proxyUrl: () => string): Mailer {
  let mailer: Mailer | undefined;
  return { sendRaw: (raw) => (mailer ??= sesMailer({ connection: { endpoint: proxyUrl() }, budget: TIGHT })).sendRaw(raw) };
}

describe('AWS faults the emulators cannot produce', () => {
  it('SES answering after the timeout sends one email; the invitation says the outcome is unknown, and a redelivery sends nothing', async () => {
    let slow: Awaited<ReturnType<typeof sesProxy>> | undefined;
    const pipeline = await pipelines.start({ wrapMailer: () => mailerThrough(() => slow!.url) });
    slow = await sesProxy(pipeline.inbox.url, () => ({ delayMs: LATE_MS }));
    const { contact } = await inviteCustomer(pipeline);

    expect(slow.stats.requests).toBe(1);
    expect(await inboxEmails(pipeline.inbox)).toHaveLength(1);
    expect(await getInvitation(pipeline.table, invitationKey(contact.email))).toMatchObject({ status: 'failed', failure: 'outcome-unknown' });
    expect(pipeline.logLines.filter((line) => line.includes('"outcome":"interrupted"'))).toHaveLength(1);

    // SQS delivers at least once: the same request again must not mail the customer a second time.
    await pipeline.sendQueue.send([invitationKey(contact.email)]);
    await pipeline.drained();
    expect(slow.stats.requests).toBe(1);
    expect(await inboxEmails(pipeline.inbox)).toHaveLength(1);
  });

  it('SES throttling is retried by the SDK and sends exactly one email', async () => {
    let throttling: Awaited<ReturnType<typeof sesProxy>> | undefined;
    const pipeline = await pipelines.start({ wrapMailer: () => mailerThrough(() => throttling!.url) });
    throttling = await sesProxy(pipeline.inbox.url, (request) => ({ throttle: request === 1 }));
    const { contact } = await inviteCustomer(pipeline);

    expect(throttling.stats.requests).toBe(2);
    expect((await inboxEmails(pipeline.inbox)).map((e) => e.destination.to[0])).toEqual([contact.email]);
    expect(await getInvitation(pipeline.table, invitationKey(contact.email))).toMatchObject({ status: 'sent' });
  });

  it('a mailer keeps to its share of the send rate on every attempt, a retry after throttling included', async () => {
    const pipeline = await pipelines.start();
    const throttling = await sesProxy(pipeline.inbox.url, (request) => ({ throttle: request === 2 }));
    const mailer = sesMailer({ connection: { endpoint: throttling.url }, budget: TIGHT, sendsPerSecond: 4 });
    const raw = Buffer.from('From: a@acme.example\r\nTo: b@customer.example\r\nSubject: hello\r\n\r\nhello\r\n');
    const started = Date.now();
    await Promise.all([mailer.sendRaw(raw), mailer.sendRaw(raw), mailer.sendRaw(raw)]);

    expect(throttling.stats.requests).toBe(4);
    // 4 per second: the n-th call to SES (the retry included) cannot reach it before n × 250 ms.
    // (Measured from the start: time in transit can only delay an arrival, never bring it forward.)
    throttling.stats.times.forEach((time, n) => expect(time - started).toBeGreaterThanOrEqual(n * 250 - 5));
  });

  it('the mailer never retries a send whose answer was lost, even with attempts to spare', async () => {
    const pipeline = await pipelines.start();
    const slow = await sesProxy(pipeline.inbox.url, () => ({ delayMs: LATE_MS }));
    const mailer = sesMailer({ connection: { endpoint: slow.url }, budget: { ...TIGHT, maxAttempts: 5 } });
    const raw = Buffer.from('From: a@acme.example\r\nTo: b@customer.example\r\nSubject: hello\r\n\r\nhello\r\n');
    await expect(mailer.sendRaw(raw)).rejects.toBeInstanceOf(SendOutcomeUnknownError);
    expect(slow.stats.requests).toBe(1);
  });

  it('a lost answer to the send claim: the SDK’s retry finds its own claim, and the invitation is sent once', async () => {
    const pipeline = await pipelines.start();
    const stats = injectDynamoFaults(pipeline.table, (operation, _call, input, attempt) =>
      operation === 'UpdateItem' && String(input['UpdateExpression']).includes('sendingAt = :at') && attempt === 1 ? 'lost-answer' : undefined,
    );
    const { contact } = await inviteCustomer(pipeline);

    expect(stats.injected).toBe(1);
    expect((await inboxEmails(pipeline.inbox)).map((e) => e.destination.to[0])).toEqual([contact.email]);
    expect(await getInvitation(pipeline.table, invitationKey(contact.email))).toMatchObject({ status: 'sent' });
  });

  it('a lost answer to a complaint’s notification claim: the manager is emailed once and the complaint records it as sent', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now });
    const { answerPath, linkId } = await inviteCustomer(pipeline, aContact({ staffEmail: 'sam.reed@acme.example', departmentId: 'installations' }));

    const stats = injectDynamoFaults(pipeline.table, (operation, _call, input, attempt) =>
      operation === 'UpdateItem' && String(input['UpdateExpression']).includes('notified.#key = :claim') && attempt === 1 ? 'lost-answer' : undefined,
    );
    const response = await postForm(pipeline, answerPath, { score: '2', [fieldNames.complaint]: 'yes' });
    expect(response.status).toBe(200);
    await pipeline.drained();

    expect(stats.injected).toBe(1);
    const complaintMail = (await inboxEmails(pipeline.inbox)).filter((e) => /complaint/i.test(e.subject));
    expect(complaintMail.map((e) => e.destination.to[0])).toEqual(['priya.shah@acme.example']);
    const complaint = await getComplaint(pipeline.table, linkId);
    expect(complaint?.notified['opened']).toMatchObject({ state: 'sent' });
  });
});
