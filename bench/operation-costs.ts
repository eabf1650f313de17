import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalPipeline } from '../local/local-pipeline.ts';
import { ensureTable } from '../local/create-table.ts';
import { startSesInbox } from '../local/ses-inbox.ts';
import { sesDoor } from './ses-door.ts';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { createLogger } from '../shared/platform/observability/logger.ts';
import { keys } from '../shared/platform/table/keys.ts';
import { batchWrite } from '../shared/platform/table/batch-write.ts';
import { aggregatePeriod } from '../shared/digest/aggregate-period.ts';
import { PRICE_TABLE } from '../shared/digest/price-table.ts';
import { meterCapacity } from './capacity-meter.ts';
import { fieldNames } from '../shared/questionnaires/answer-schema.ts';
import { shownValues } from '../shared/questionnaires/value-rotation.ts';

export interface OperationCosts {
  invitations: number;
  planUnitsPerInvitation: { reads: number; writes: number };
  sendUnitsPerInvitation: { reads: number; writes: number };
  sesCallsPer1000: number;
  sendWallSecondsPer1000: number;
  maxSendsInOneSecond: number;
  configuredSendRate: number;
  responses: number;
  storeUnitsPerResponse: { reads: number; writes: number };
  aggregateReadUnitsPerResponse: number;
  dollarsPer1000Sent: number;
  dollarsPer1000SentExcludingSes: number;
  dollarsPer1000Responses: number;
  priceTable: string;
}

/** Lambda GB-seconds per invocation at 256 MB for ~100 ms, the measured order of a warm handler. */
const LAMBDA_GB_SECONDS = 0.25 * 0.1;

/**
 * DynamoDB units, SES calls and time per operation, measured on the local pipeline with
 * `ReturnConsumedCapacity`: planning and sending `invitations`, storing a full response for
 * each, and aggregating them (trend reads are measured on larger periods, in
 * aggregation-reads.ts).
 */
export async function measureOperationCosts(options: { dynamodbEndpoint: string; inboxPort: number; invitations: number }): Promise<OperationCosts> {
  const config = loadDeploymentConfig();
  const questionnaires = loadQuestionnaires().filter((q) => q.audience === 'customers');
  const questionnaire = questionnaires[0]!;
  const tableName = `costs-${Date.now()}`;
  await ensureTable(options.dynamodbEndpoint, tableName);
  const inbox = await startSesInbox(options.inboxPort);
  const door = await sesDoor(inbox.url);
  const sendTimes = door.arrivals;
  const now = new Date();
  const pipeline = createLocalPipeline({
    config,
    questionnaires,
    tableName,
    dynamodbEndpoint: options.dynamodbEndpoint,
    sesEndpoint: door.url,
    publicBaseUrl: 'http://127.0.0.1',
    linkSecret: 'bench-secret-'.padEnd(48, 'x'),
    mailDir: mkdtempSync(join(tmpdir(), 'bench-mail-')),
    log: createLogger({ write: () => undefined }),
    now: () => now,
  });
  try {
    await batchWrite(
      pipeline.table,
      Array.from({ length: options.invitations }, (_, i) => {
        const email = `cost${i}@customer.example`;
        return { PutRequest: { Item: { ...keys.contact(email), ...keys.contactListing(email), kind: 'contact', email, name: `Customer ${i}`, language: 'en', departmentId: 'repairs', staffEmail: 'jo.kim@acme.example' } } };
      }),
    );
    const meter = meterCapacity(pipeline.table);
    await pipeline.jobs.planWave(now);
    const plan = { reads: meter.reads, writes: meter.writes };
    meter.reset();
    const sendStarted = Date.now();
    await pipeline.drained();
    const sendSeconds = (Date.now() - sendStarted) / 1000;
    const send = { reads: meter.reads, writes: meter.writes };
    // Only the wave's own sends: the answers below raise complaints, whose emails are counted apart.
    const waveSends = sendTimes.splice(0);

    // Store one full response per invitation through the HTTP app (scores 7–10 and performance
    // 3–5: no complaint, so only the answer path is measured).
    const store = await inboxEmails(inbox.url);
    meter.reset();
    const responses = await answerEvery(pipeline, questionnaire, store);
    await pipeline.drained();
    const storeUnits = { reads: meter.reads, writes: meter.writes };

    const period = (await pipeline.jobs.planWave(now)).waves[0]!.waveId;
    meter.reset();
    const aggregation = await aggregatePeriod(pipeline.table, questionnaire, period);
    const responsesRead = aggregation.read;

    const perInvitationUnits = { reads: per(plan.reads + send.reads, options.invitations), writes: per(plan.writes + send.writes, options.invitations) };
    const perResponse = { reads: per(storeUnits.reads, responses), writes: per(storeUnits.writes, responses) };
    const { sentExcludingSes, perResponseDollars } = unitCosts(perInvitationUnits, perResponse);
    return {
      invitations: options.invitations,
      planUnitsPerInvitation: { reads: per(plan.reads, options.invitations), writes: per(plan.writes, options.invitations) },
      sendUnitsPerInvitation: { reads: per(send.reads, options.invitations), writes: per(send.writes, options.invitations) },
      sesCallsPer1000: Math.round((waveSends.length / options.invitations) * 1000),
      sendWallSecondsPer1000: Math.round((sendSeconds / options.invitations) * 1000 * 10) / 10,
      maxSendsInOneSecond: Math.max(0, ...waveSends.map((t) => waveSends.filter((u) => u >= t && u < t + 1000).length)),
      configuredSendRate: config.sesSendRatePerSecond,
      responses,
      storeUnitsPerResponse: perResponse,
      aggregateReadUnitsPerResponse: per(aggregation.readUnits, responsesRead),
      dollarsPer1000Sent: Math.round((sentExcludingSes + PRICE_TABLE.sesPerThousandEmails) * 10000) / 10000,
      dollarsPer1000SentExcludingSes: Math.round(sentExcludingSes * 100000) / 100000,
      dollarsPer1000Responses: Math.round(perResponseDollars * 1000 * 100000) / 100000,
      priceTable: `${PRICE_TABLE.source}, as of ${PRICE_TABLE.asOf}`,
    };
  } finally {
    pipeline.close();
    door.close();
    await inbox.stop();
  }
}

const per = (units: number, n: number) => Math.round((units / Math.max(1, n)) * 1000) / 1000;

/** Dollars per 1,000 invitations sent (SES's own price apart) and per response stored, from the dated price table. */
function unitCosts(perInvitation: { reads: number; writes: number }, perResponse: { reads: number; writes: number }) {
  const lambdaPerInvocation = PRICE_TABLE.lambdaPerMillionRequests / 1e6 + LAMBDA_GB_SECONDS * PRICE_TABLE.lambdaArmPerGbSecond;
  const dynamo = (u: { reads: number; writes: number }) => (u.reads * PRICE_TABLE.dynamoDbPerMillionReadUnits + u.writes * PRICE_TABLE.dynamoDbPerMillionWriteUnits) / 1e6;
  return {
    sentExcludingSes: 1000 * (dynamo(perInvitation) + lambdaPerInvocation / 10 + 0.4 / 1e6 /* SQS request per message */),
    perResponseDollars: dynamo(perResponse) + PRICE_TABLE.httpApiPerMillionRequests / 1e6 + lambdaPerInvocation,
  };
}

/** Answers every invitation in the inbox with a full form (every question its link asks): the largest response short of long texts. */
async function answerEvery(pipeline: ReturnType<typeof createLocalPipeline>, questionnaire: TQuestionnaire, emails: readonly string[]): Promise<number> {
  let responses = 0;
  for (const text of emails) {
    const path = /http:\/\/127\.0\.0\.1\/q\/[^?\s]+/.exec(text)?.[0]?.replace('http://127.0.0.1', '');
    if (!path) continue;
    const fields = new URLSearchParams({ [fieldNames.headline]: String(7 + (responses % 4)), [fieldNames.comment]: 'Benchmark answer', [fieldNames.comparison]: 'same' });
    // The values this link asks (the signed mask `~s<hex>` the rotation chose); a rating of any other is refused.
    const mask = /~s([0-9a-f]+)\./.exec(path)?.[1];
    for (const [k, value] of shownValues(questionnaire, mask === undefined ? undefined : parseInt(mask, 16)).entries()) {
      fields.set(fieldNames.importance(value.id), String(1 + ((responses + k) % 5)));
      fields.set(fieldNames.performance(value.id), String(3 + ((responses + k) % 3)));
      if (questionnaire.mainCompetitor) fields.set(fieldNames.competitor(value.id), k % 4 === 0 ? 'dk' : String(1 + (k % 5)));
    }
    for (const standard of questionnaire.standards) fields.set(fieldNames.standard(standard.id), 'yes');
    const response = await pipeline.app.request(path, { method: 'POST', body: fields, headers: { 'user-agent': 'Mozilla/5.0' } });
    if (response.status === 200) responses++;
  }
  return responses;
}

async function inboxEmails(url: string): Promise<string[]> {
  const store = (await (await fetch(`${url}/store`)).json()) as { emails: Array<{ body: { text?: string } }> };
  return store.emails.map((e) => e.body.text ?? '');
}
