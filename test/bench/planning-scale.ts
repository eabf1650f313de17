import { ensureTable } from '../../infra/local/create-table.ts';
import { loadDeploymentConfig, loadQuestionnaires } from '../../shared/config/load-config.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { keys } from '../../shared/storage/keys.ts';
import { planWave } from '../../shared/planning/plan-wave.ts';

/** Seeds `contacts` due contacts, then times one planning run over all of them (the queue only counts). */
export async function measurePlanning(options: { dynamodbEndpoint: string; contacts: number }): Promise<{ contacts: number; queued: number; seconds: number; contactsPerSecond: number }> {
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
    writes.push(table.db.batchWrite({ RequestItems: { [tableName]: items } }));
    if (writes.length >= 8) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  let queued = 0;
  const started = Date.now();
  await planWave({ table, queue: { send: async (messages) => void (queued += messages.length) }, questionnaire, rules: config.planning, timeZone: config.timeZone, now: new Date() });
  const seconds = (Date.now() - started) / 1000;
  return { contacts: options.contacts, queued, seconds: Math.round(seconds * 10) / 10, contactsPerSecond: Math.round(options.contacts / seconds) };
}
