import { ensureTable } from '../local/create-table.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { aggregatePeriod } from '../shared/digest/aggregate-period.ts';
import { readRollups } from '../shared/digest/digest-store.ts';
import { createInvitation } from '../shared/invitations/invitation-store.ts';
import { recordSubmission } from '../shared/answering/response-store.ts';
import { openTable } from '../shared/platform/table/table-client.ts';
import { newLinkId } from '../shared/platform/tokens/link-token.ts';
import { SYNTHETIC_STAFF, syntheticAnswers, syntheticAttribution } from './synthetic-answers.ts';

export interface AggregationReads {
  responses: number;
  readUnits: number;
  readUnitsPerResponse: number;
  seconds: number;
  cpuMs: number;
  /**
   * The trend read: one period's rollups (company, 20 departments, 400 staff). Its cost
   * follows the segments, not the responses: a period a tenth the size costs the same.
   */
  trendReadUnits: { period: number; tenthPeriod: number };
}

/** Runs `jobs` with at most `concurrency` in flight. */
async function inPool(count: number, concurrency: number, job: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await job(next++);
  }));
}

/**
 * A whole period aggregated from DynamoDB Local: `responses` invitations and full responses
 * are written through the product's own storage operations (every value rated, a comment on
 * one in ten, 20 departments and 400 staff), then the digest's aggregation reads them back,
 * counting the read units DynamoDB reports (`ReturnConsumedCapacity`). A second period a
 * tenth the size, over the same staff, shows what a trend read costs as periods grow.
 */
export async function measureAggregationReads(options: { dynamodbEndpoint: string; responses: number; onProgress?: (line: string) => void }): Promise<AggregationReads> {
  const questionnaire = loadQuestionnaires().find((q) => q.audience === 'customers')!;
  const tableName = `aggregate-${Date.now()}`;
  await ensureTable(options.dynamodbEndpoint, tableName);
  const table = openTable(tableName, { endpoint: options.dynamodbEndpoint });
  const waveId = '2026-W47';
  const tenthWaveId = '2026-W46';
  const at = '2026-11-17T10:00:00.000Z';
  // At least one response per staff member, so both periods have the same segments.
  const tenth = Math.max(SYNTHETIC_STAFF, Math.round(options.responses / 10));
  const report = Math.max(1, Math.round((options.responses + tenth) / 4));
  let written = 0;
  await inPool(options.responses + tenth, 16, async (n) => {
    const [wave, i] = n < options.responses ? [waveId, n] : [tenthWaveId, n - options.responses];
    const linkId = newLinkId();
    await createInvitation(table, {
      audience: 'customers', questionnaireId: questionnaire.id, waveId: wave, email: `reader${i}@customer.example`, name: `Reader ${i}`, language: 'en', linkId, status: 'sent', createdAt: at,
      ...syntheticAttribution(i),
    });
    await recordSubmission(table, { questionnaireId: questionnaire.id, waveId: wave, linkId }, syntheticAnswers(questionnaire, i), { at });
    if (++written % report === 0) options.onProgress?.(`wrote ${written.toLocaleString('en')} invitations and responses`);
  });
  await aggregatePeriod(table, questionnaire, tenthWaveId);
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  const aggregation = await aggregatePeriod(table, questionnaire, waveId);
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const period = { readUnits: 0 };
  await readRollups(table, questionnaire.id, waveId, period);
  const tenthPeriod = { readUnits: 0 };
  await readRollups(table, questionnaire.id, tenthWaveId, tenthPeriod);
  return {
    responses: aggregation.read,
    readUnits: Math.round(aggregation.readUnits * 10) / 10,
    readUnitsPerResponse: Math.round((aggregation.readUnits / Math.max(1, aggregation.read)) * 1000) / 1000,
    seconds: Math.round(seconds * 10) / 10,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    trendReadUnits: { period: period.readUnits, tenthPeriod: tenthPeriod.readUnits },
  };
}
