import { describe, expect, it } from 'vitest';
import { saveContact } from '../../shared/people/contact-store.ts';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { inboxEmails, postForm } from '../support/local-services.ts';
import { injectDynamoFaults } from '../support/faults.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { storedResponseItems } from '../support/stored-responses.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => now });
const recipients = async () => (await inboxEmails(pipelines.current.inbox)).filter((e) => e.subject.includes('How did we do')).map((e) => e.destination.to[0]).sort();

async function customers(n: number) {
  const list = Array.from({ length: n }, () => aContact());
  for (const contact of list) await saveContact(pipelines.current.table, contact);
  return list.map((c) => c.email).sort();
}

describe('faults: nothing lost, nothing twice, the failure visible', () => {
  it('DynamoDB throttling and 5xx on every fifth call: the wave is planned and sent once, retried by the DynamoDB client', async () => {
    const pipeline = await pipelines.start();
    const emails = await customers(4);
    // First attempts only: the planner's calls run concurrently, so a retry could otherwise
    // land on a later fifth call too and exhaust its attempts by chance.
    const stats = injectDynamoFaults(pipeline.table, (_command, call, _input, attempt) => (attempt === 1 && call % 5 === 0 ? (call % 2 ? 'throttle' : 'server-error') : undefined));
    await pipeline.jobs.planWave();
    await pipeline.drained();
    expect(stats.injected).toBeGreaterThan(3);
    expect(await recipients()).toEqual(emails);
    expect(pipeline.sendQueue.deadLetters).toEqual([]);
  });

  it('an outage longer than the retries fails the run visibly; the scheduler’s retry completes it without sending twice', async () => {
    const pipeline = await pipelines.start();
    const emails = await customers(6);
    let outage = true;
    let writes = 0;
    injectDynamoFaults(pipeline.table, (command) => {
      // The outage starts after three invitations are written.
      if (command === 'PutItem' && ++writes > 3 && outage) return 'server-error';
      return undefined;
    });
    await expect(pipeline.jobs.planWave()).rejects.toThrow(/injected/);
    await pipeline.drained();
    // Some shards finished before the failure; the rest were written or not, but not queued.
    const partial = await recipients();
    expect(partial.length).toBeLessThan(emails.length);
    expect(new Set(partial).size).toBe(partial.length);

    outage = false;
    await pipeline.jobs.planWave(); // EventBridge Scheduler's retry of the same event
    await pipeline.drained();
    expect(await recipients()).toEqual(emails);
  });

  it('duplicated scheduler and SQS deliveries send each invitation once', async () => {
    const pipeline = await pipelines.start();
    const emails = await customers(5);
    await Promise.all([pipeline.jobs.planWave(), pipeline.jobs.planWave()]);
    await pipeline.drained();
    await pipeline.sendQueue.send(emails.map((email) => ({ questionnaireId: customerQuestionnaire.id, waveId: '2026-W48', email })));
    await pipeline.drained();
    expect(await recipients()).toEqual(emails);
  });

  it('a crash between SES accepting a message and recording it: the redelivery does not send it again, and says so', async () => {
    const pipeline = await pipelines.start();
    const emails = await customers(7);
    const victim = emails[2]!;
    // The sender "dies" after SES took the victim's email: recording that send never succeeds.
    injectDynamoFaults(pipeline.table, (command, _call, input) => {
      const recordsSent = command === 'UpdateItem' && String(input['UpdateExpression']).includes('sentAt = :at') && JSON.stringify(input['Key']).includes(victim);
      return recordsSent ? 'server-error' : undefined;
    });
    await pipeline.jobs.planWave();
    await pipeline.drained();
    expect(await recipients()).toEqual(emails);
    expect(pipeline.logLines.filter((line) => line.includes('"outcome":"interrupted"'))).toHaveLength(1);
    expect(pipeline.sendQueue.deadLetters).toEqual([]);
  });

  it('a DynamoDB failure while answering returns an error page, and the retry is counted once', async () => {
    const pipeline = await pipelines.start();
    const { answerPath: path } = await inviteCustomer(pipeline);
    let failing = true;
    injectDynamoFaults(pipeline.table, (command) => (failing && command === 'UpdateItem' ? 'server-error' : undefined));
    const failed = await postForm(pipeline, path, { score: '8' });
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toMatch(/InternalServerError|injected|at .*\.ts/);
    expect(pipeline.logLines.some((line) => line.includes('"errorName":"InternalServerError"'))).toBe(true);

    failing = false;
    expect((await postForm(pipeline, path, { score: '8' })).status).toBe(200);
    expect(await storedResponseItems(pipeline.table, customerQuestionnaire.id, '2026-W48')).toEqual([expect.objectContaining({ headlineScore: 8 })]);
  });
});
