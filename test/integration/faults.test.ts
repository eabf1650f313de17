import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { saveContact } from '../../shared/people/contact-store.ts';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { inboxEmails, linkPath, startTestPipeline } from '../support/local-services.ts';
import { injectDynamoFaults } from '../support/faults.ts';

type Pipeline = Awaited<ReturnType<typeof startTestPipeline>>;
let pipeline: Pipeline;
afterEach(async () => pipeline?.stop());

const now = new Date('2026-11-23T10:00:00Z');
const recipients = async () => (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.includes('How did we do')).map((e) => e.destination.to[0]).sort();

async function customers(n: number) {
  const list = Array.from({ length: n }, () => aContact());
  for (const contact of list) await saveContact(pipeline.table, contact);
  return list.map((c) => c.email).sort();
}

describe('faults: nothing lost, nothing twice, the failure visible', () => {
  it('DynamoDB throttling and 5xx on every fifth call: the wave is planned and sent once, retried by the DynamoDB client', async () => {
    pipeline = await startTestPipeline({ now: () => now });
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
    pipeline = await startTestPipeline({ now: () => now });
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
    pipeline = await startTestPipeline({ now: () => now });
    const emails = await customers(5);
    await Promise.all([pipeline.jobs.planWave(), pipeline.jobs.planWave()]);
    await pipeline.drained();
    await pipeline.sendQueue.send(emails.map((email) => ({ questionnaireId: customerQuestionnaire.id, waveId: '2026-W48', email })));
    await pipeline.drained();
    expect(await recipients()).toEqual(emails);
  });

  it('a crash between SES accepting a message and recording it: the redelivery does not send it again, and says so', async () => {
    pipeline = await startTestPipeline({ now: () => now });
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
    pipeline = await startTestPipeline({ now: () => now });
    await customers(1);
    await pipeline.jobs.planWave();
    await pipeline.drained();
    const [invite] = await inboxEmails(pipeline.inbox);
    const path = linkPath(invite!.body.text!, '/q/').split('?')[0]!;
    let failing = true;
    injectDynamoFaults(pipeline.table, (command) => (failing && command === 'UpdateItem' ? 'server-error' : undefined));
    const failed = await pipeline.app.request(path, { method: 'POST', body: new URLSearchParams({ score: '8' }) });
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toMatch(/InternalServerError|injected|at .*\.ts/);
    expect(pipeline.logLines.some((line) => line.includes('"errorName":"InternalServerError"'))).toBe(true);

    failing = false;
    expect((await pipeline.app.request(path, { method: 'POST', body: new URLSearchParams({ score: '8' }) })).status).toBe(200);
    const { Items = [] } = await pipeline.table.db.send(new QueryCommand({ TableName: pipeline.table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `RESPONSE#${customerQuestionnaire.id}#2026-W48` } }));
    expect(Items).toEqual([expect.objectContaining({ headlineScore: 8 })]);
  });
});
