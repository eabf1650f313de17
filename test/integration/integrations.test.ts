import { afterEach, describe, expect, inject, it } from 'vitest';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importStaff } from '../../shared/people/import-file.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { isDestinationDisabled } from '../../shared/integrations/integration-store.ts';
import { localLinkSecret } from '../../local/local-secret.ts';
import { startLocalIntegrations, type LocalIntegrations } from '../../local/local-integrations.ts';
import { startWebhookReceiver, type Arrival, type RunningReceiver } from '../../local/webhook-receiver.tsx';
import { createLogger } from '../../shared/platform/observability/logger.ts';
import { createWebhookDeliverer } from '../../functions/webhook-deliverer/webhook-deliverer.ts';
import { retryDelaySeconds } from '../../shared/integrations/retry-schedule.ts';
import type { SQSEvent } from 'aws-lambda';
import { aContact, demoConfig } from '../support/factories.ts';
import { freePort } from '../support/free-port.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { postForm, TEST_BASE_URL } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const LINK_SECRET = 'test-secret-'.padEnd(40, 'x');
const pipelines = usePipeline({ linkSecret: LINK_SECRET });
const running: Array<{ receiver: RunningReceiver; integrations: LocalIntegrations }> = [];
afterEach(async () => {
  for (const { receiver, integrations } of running.splice(0)) {
    integrations.close();
    await receiver.stop();
  }
});

/** The README's recipe, written out as a receiver would: HMAC-SHA256 of "<t>.<raw body>", compared in constant time. */
function verifiesWithRecipe(secret: string, header: string, rawBody: string): boolean {
  const { t, v1 } = Object.fromEntries(header.split(',').map((part) => part.split('='))) as { t: string; v1: string };
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return Math.abs(Date.now() / 1000 - Number(t)) < 300 && timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(expected, 'hex'));
}

/** A pipeline with its integrations at a local receiver, and a customer of Installations invited. */
async function customerWithReceiver() {
  const pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now: new Date() });
  const secretDir = mkdtempSync(join(tmpdir(), 'webhook-secrets-'));
  const receiver = await startWebhookReceiver(await freePort(), (id) => localLinkSecret(join(secretDir, id)));
  const integrations = startLocalIntegrations({
    config: demoConfig,
    table: pipeline.table,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    receiverUrl: receiver.url,
    secretDir,
    publicBaseUrl: TEST_BASE_URL,
    linkSecret: LINK_SECRET,
    log: createLogger({ write: (line) => pipeline.logLines.push(line) }),
    retryAfterMs: 100,
  });
  running.push({ receiver, integrations });
  const customer = await inviteCustomer(pipeline, aContact({ staffEmail: 'sam.reed@acme.example', departmentId: 'installations' }));
  return { pipeline, receiver, integrations, customer, secretDir };
}

async function complain(answerPath: string): Promise<void> {
  const response = await postForm(pipelines.current, answerPath, { score: '2', [fieldNames.comment]: 'The fitter <b>broke</b> a tile & left <!channel> <@U123>', [fieldNames.complaint]: 'yes' }, { 'user-agent': BROWSER });
  expect(response.status).toBe(200);
}

async function waitFor(receiver: RunningReceiver, found: (arrivals: readonly Arrival[]) => boolean, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!found(receiver.arrivals)) {
    if (Date.now() > deadline) throw new Error(`not arrived within ${withinMs} ms: ${JSON.stringify(receiver.arrivals.map((a) => [a.kind, a.eventType, a.status]))}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const complaintWebhook = (a: Arrival) => a.kind === 'webhook' && a.eventType === 'ComplaintOpened' && a.status === 200;
const slackPost = (a: Arrival) => a.kind === 'slack' && a.status === 200;

describe('integrations on the local stack', () => {
  it('a complaint answered locally reaches the receiver as a signed webhook and as a Slack message within 10 s', async () => {
    const { receiver, customer, secretDir } = await customerWithReceiver();
    const started = Date.now();
    await complain(customer.answerPath);
    await waitFor(receiver, (arrivals) => arrivals.some(complaintWebhook) && arrivals.some(slackPost));
    expect(Date.now() - started).toBeLessThan(10_000);

    const webhook = receiver.arrivals.find(complaintWebhook)!;
    expect(webhook.signatureValid).toBe(true);
    expect(webhook.body).toMatchObject({ type: 'ComplaintOpened', version: 1, complaintId: customer.linkId, departmentId: 'installations', headlineScore: 2, eventId: webhook.eventId });
    // What arrived verifies with the README's recipe, and with no other secret.
    const secret = localLinkSecret(join(secretDir, 'demo-webhook'));
    expect(verifiesWithRecipe(secret, webhook.signature!, webhook.rawBody!)).toBe(true);
    expect(verifiesWithRecipe('another secret', webhook.signature!, webhook.rawBody!)).toBe(false);
    expect(verifiesWithRecipe(secret, webhook.signature!, webhook.rawBody!.replace('"headlineScore":2', '"headlineScore":9'))).toBe(false);

    const slack = receiver.arrivals.find(slackPost)!.body as { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ url?: string }> }> };
    const section = slack.blocks.find((b) => b.type === 'section')!.text!.text;
    expect(section).toContain('score 2');
    expect(section).toContain('The fitter &lt;b&gt;broke&lt;/b&gt; a tile &amp; left &lt;!channel&gt; &lt;@U123&gt;');
    expect(section).not.toMatch(/<[!@]/);
    const urls = slack.blocks.find((b) => b.type === 'actions')!.elements!.map((e) => e.url);
    expect(urls[0]).toMatch(new RegExp(`^${TEST_BASE_URL}/complaints/[^?]+\\?action=acknowledge$`));
    expect(urls[1]).toMatch(new RegExp(`^${TEST_BASE_URL}/complaints/[^?]+$`));
    // The same answer is also reported as a response, with no identity in it.
    expect(receiver.arrivals.some((a) => a.eventType === 'ResponseRecorded' && a.signatureValid && !JSON.stringify(a.body).includes('@'))).toBe(true);
  });

  it('a receiver that answers 500 gets the same event again until it takes it, while the Slack channel is not held up', async () => {
    const { receiver, customer, integrations } = await customerWithReceiver();
    receiver.failNext('demo-webhook', 500, 3);
    await complain(customer.answerPath);
    await waitFor(receiver, (arrivals) => arrivals.some(complaintWebhook));
    await integrations.drained();
    const attempts = receiver.arrivals.filter((a) => a.kind === 'webhook');
    expect(attempts.slice(0, 3).map((a) => a.status)).toEqual([500, 500, 500]);
    // Every attempt carries the same event id: the receiver can dedupe.
    const delivered = attempts.filter((a) => a.status === 200);
    const ids = new Set(attempts.filter((a) => a.eventType === 'ComplaintOpened').map((a) => a.eventId));
    expect(ids.size).toBe(1);
    expect(delivered.map((a) => a.eventType).sort()).toEqual(['ComplaintOpened', 'ResponseRecorded']);
    const slackAt = receiver.arrivals.findIndex(slackPost);
    expect(slackAt).toBeGreaterThanOrEqual(0);
    expect(slackAt).toBeLessThan(receiver.arrivals.findIndex(complaintWebhook));
    expect(integrations.deadLetters()).toEqual([]);
  });

  it('when the digest goes, the company-wide Slack channel gets the week’s headline, and the webhook a DigestSent per scope', async () => {
    const { pipeline, receiver, customer, integrations } = await customerWithReceiver();
    await complain(customer.answerPath);
    await pipeline.jobs.sendDigests(undefined, { period: customer.invitation.waveId });
    await pipeline.drained();
    await waitFor(receiver, (arrivals) => arrivals.some((a) => a.kind === 'slack' && JSON.stringify(a.body).includes('Weekly digest')));
    await integrations.drained();
    const headlines = receiver.arrivals.filter((a) => a.kind === 'slack' && JSON.stringify(a.body).includes('Weekly digest')).map((a) => (a.body as { text: string }).text);
    expect(headlines).toEqual([`Weekly digest for the company, ${customer.invitation.waveId}: NPS -100 from 1 response`]);
    const scopes = receiver.arrivals.filter((a) => a.eventType === 'DigestSent').map((a) => (a.body as { scope: string }).scope);
    expect(scopes).toContain('company');
    expect(scopes).toContain('department');
  });

  it('a slow receiver holds up only its own delivery: the Slack message of the same complaint arrives meanwhile', async () => {
    const { receiver, customer } = await customerWithReceiver();
    receiver.slowNext('demo-webhook', 3_000);
    const started = Date.now();
    await complain(customer.answerPath);
    await waitFor(receiver, (arrivals) => arrivals.some(slackPost), 2_500);
    expect(Date.now() - started).toBeLessThan(2_500);
    await waitFor(receiver, (arrivals) => arrivals.some(complaintWebhook));
  });

  it('a receiver that answers 410 is switched off, with a log line, and gets nothing more', async () => {
    const { pipeline, receiver, customer, integrations } = await customerWithReceiver();
    receiver.failNext('demo-webhook', 410, 1);
    await complain(customer.answerPath);
    await integrations.drained();
    await waitFor(receiver, (arrivals) => arrivals.some(slackPost));
    const webhookCalls = receiver.arrivals.filter((a) => a.kind === 'webhook');
    expect(webhookCalls.map((a) => a.status)).toEqual([410]);
    expect(await isDestinationDisabled(pipeline.table, 'demo-webhook')).toBe(true);
    expect(pipeline.logLines.some((line) => line.includes('410 Gone') && line.includes('demo-webhook'))).toBe(true);
    expect(integrations.deadLetters()).toEqual([]);
  });

  it('the deliverer hides a failed message for its attempt’s backoff and reports only it as failed', async () => {
    const pipeline = await pipelines.start();
    const delays: number[] = [];
    const deliverer = createWebhookDeliverer({
      table: pipeline.table,
      destinations: new Map([['crm', { id: 'crm', kind: 'webhook', url: 'https://crm.example/hook', secret: 'unused' }]]),
      secretOf: () => Promise.resolve('s'.repeat(48)),
      post: (url) => Promise.resolve(url.includes('crm') ? 503 : 200),
      businessName: 'Acme',
      complaintLinks: () => Promise.reject(new Error('not needed')),
      headlineOf: () => Promise.resolve(undefined),
      now: () => new Date(),
      retryLater: (_record, seconds) => {
        delays.push(seconds);
        return Promise.resolve();
      },
      log: createLogger({ write: () => undefined }),
    });
    const detail = { type: 'ContactUnsubscribed', version: 1, eventId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', occurredAt: '2026-11-30T10:00:00.000Z', email: 'a@b.example' };
    const record = (id: string, destination: string) => ({ messageId: id, receiptHandle: `r-${id}`, body: JSON.stringify({ destination, event: { detail } }), attributes: { ApproximateReceiveCount: '3' }, eventSource: 'aws:sqs' });
    const result = await deliverer({ Records: [record('1', 'crm'), record('2', 'gone-from-config')] } as unknown as SQSEvent);
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
    expect(delays).toEqual([retryDelaySeconds(3)]);
  });
});
