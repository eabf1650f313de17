import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureAggregation } from './aggregation-scale.ts';
import { measureAnswerLoad } from './answer-load.ts';
import { measureColdStarts } from './cold-start.ts';
import { measureOperationCosts } from './operation-costs.ts';
import { measurePlanning } from './planning-scale.ts';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { setMetricsSink } from '../../shared/observability/metrics.ts';

setMetricsSink(() => undefined);

/**
 * `npm run bench`: figures anyone can reproduce on a laptop. Prints a table and writes
 * `bench-results.json` with the machine, Node version and date. Separate from `npm test`.
 * `BENCH_LOAD_SECONDS` sets the load run (default 60), `BENCH_PLAN_CONTACTS` the planning run (default 20,000).
 */
const loadSeconds = Number(process.env['BENCH_LOAD_SECONDS'] ?? 60);
// 100,000 takes about 4 minutes on DynamoDB Local with 2 cores; the default keeps the whole run under 10.
const planContacts = Number(process.env['BENCH_PLAN_CONTACTS'] ?? 20_000);
const dynamodb = await startDynamoDbLocal({ port: 8765 });
try {
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    coldStarts: await measureColdStarts(25),
    operations: await measureOperationCosts({ dynamodbEndpoint: dynamodb.endpoint, inboxPort: 8766, invitations: 200 }),
    planning: await measurePlanning({ dynamodbEndpoint: dynamodb.endpoint, contacts: planContacts }),
    aggregation: [10_000, 100_000, 1_000_000].map((n) => measureAggregation(n)),
    answerLoad: await measureAnswerLoad({ dynamodbEndpoint: dynamodb.endpoint, seconds: loadSeconds, concurrency: 32, invitations: Math.max(2_000, loadSeconds * 600) }),
  };
  console.log(`Feedback pipeline benchmark — ${results.date}, Node ${results.node}, ${results.machine}\n`);
  console.log('Cold-start proxies        bundle KB (SDK bundled)  import ms   │  bundle KB (SDK external)  import ms   network at import');
  for (const c of results.coldStarts) {
    console.log(`  ${c.fn.padEnd(22)} ${String(c.bundledKb).padStart(16)}  ${String(c.bundledImportMs).padStart(10)}   │  ${String(c.sdkExternalKb).padStart(17)}  ${String(c.sdkExternalImportMs).padStart(10)}   ${c.networkCallsAtImport}`);
  }
  const o = results.operations;
  console.log(`\nDynamoDB units (ReturnConsumedCapacity), ${o.invitations} invitations and ${o.responses} responses`);
  console.log(`  per invitation planned: ${o.planUnitsPerInvitation.reads} RCU, ${o.planUnitsPerInvitation.writes} WCU; sent: ${o.sendUnitsPerInvitation.reads} RCU, ${o.sendUnitsPerInvitation.writes} WCU`);
  console.log(`  per response stored: ${o.storeUnitsPerResponse.reads} RCU, ${o.storeUnitsPerResponse.writes} WCU; per response aggregated: ${o.aggregateReadUnitsPerResponse} RCU`);
  console.log(`  trend read of a period's rollups: ${o.trendReadUnits.largePeriod} RCU (empty period: ${o.trendReadUnits.smallPeriod})`);
  console.log(`\nSending: ${o.sesCallsPer1000} SES calls and ${o.sendWallSecondsPer1000} s per 1,000 invitations; at most ${o.maxSendsInOneSecond} sends in any second (rate ${o.configuredSendRate}/s)`);
  console.log(`Unit cost: $${o.dollarsPer1000Sent} per 1,000 questionnaires sent ($${o.dollarsPer1000SentExcludingSes} without SES's own price), $${o.dollarsPer1000Responses} per 1,000 responses (${o.priceTable})\n`);
  const p = results.planning;
  console.log(`Planning: ${p.contacts} contacts in ${p.seconds} s (${p.contactsPerSecond}/s; 100,000 ≈ ${Math.round(100_000 / p.contactsPerSecond)} s at this rate)\n`);
  console.log('Aggregation (one pass, in memory)   responses   CPU ms   heap Δ MB   s per 1M');
  for (const r of results.aggregation) {
    console.log(`${' '.repeat(36)}${String(r.responses).padStart(9)}  ${String(r.cpuMs).padStart(7)}  ${String(r.heapMb).padStart(10)}  ${r.perMillionSeconds.toFixed(2).padStart(9)}`);
  }
  const l = results.answerLoad;
  console.log(`\nAnswer path under load (${l.seconds} s, ${l.concurrency} concurrent, local server + DynamoDB Local)`);
  console.log(`  requests ${l.requests}, ${l.requestsPerSecond}/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, errors ${l.errors}`);
  console.log(`  acknowledged ${l.acknowledged}, stored ${l.stored}, lost ${l.lost}`);
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to bench-results.json');
  if (l.lost !== 0 || l.errors !== 0) process.exitCode = 1;
} finally {
  await dynamodb.stop();
}
