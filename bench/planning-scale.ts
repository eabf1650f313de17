import { ensureTable } from '../local/create-table.ts';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { openTable } from '../shared/platform/table/table-client.ts';
import { batchWrite } from '../shared/platform/table/batch-write.ts';
import { keys } from '../shared/platform/table/keys.ts';
import { planWave } from '../shared/invitations/plan-wave.ts';

/** Seeds `contacts` due contacts, then times one planning run over all of them (the queue only counts). */
export async function measurePlanning(options: {
  dynamodbEndpoint: string;
  contacts: number;
  onProgress?: (line: string) => void;
}): Promise<{ contacts: number; queued: number; seconds: number; contactsPerSecond: number }> {
  const report = options.onProgress ?? (() => undefined);
  const every = Math.max(1, Math.round(options.contacts / 5));
  const config = loadDeploymentConfig();
  const questionnaire = loadQuestionnaires().find((q) => q.audience === 'customers')!;
  const tableName = `plan-${Date.now()}`;
  await ensureTable(options.dynamodbEndpoint, tableName);
  const table = openTable(tableName, { endpoint: options.dynamodbEndpoint });
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < options.contacts; i += 25) {
    const items = Array.from({ length: Math.min(25, options.contacts - i) }, (_, k) => {
      const email = `plan${i + k}@customer.example`;
      return { PutRequest: { Item: { ...keys.contact(email), ...keys.contactListing(email), kind: 'contact', email, name: `Customer ${i + k}`, language: 'en' } } };
    });
    writes.push(batchWrite(table, items));
    if (writes.length >= 8) await Promise.all(writes.splice(0));
    if ((i + 25) % every < 25) report(`seeded ${Math.min(i + 25, options.contacts).toLocaleString('en')} contacts`);
  }
  await Promise.all(writes);
  let queued = 0;
  const started = Date.now();
  const queue = {
    send: async (messages: readonly unknown[]) => {
      if (Math.floor((queued + messages.length) / every) > Math.floor(queued / every)) report(`planned ${(queued + messages.length).toLocaleString('en')} after ${Math.round((Date.now() - started) / 1000)} s`);
      queued += messages.length;
    },
  };
  await planWave({ table, queue, questionnaire, rules: config.planning, timeZone: config.timeZone, now: new Date() });
  const seconds = (Date.now() - started) / 1000;
  return { contacts: options.contacts, queued, seconds: Math.round(seconds * 10) / 10, contactsPerSecond: Math.round(options.contacts / seconds) };
}
