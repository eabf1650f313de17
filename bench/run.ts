import { readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { measureAggregation } from './aggregation-scale.ts';
import { measureAggregationReads } from './aggregation-reads.ts';
import { measureDashboardReads } from './dashboard-reads.ts';
import { measureAnswerLoad } from './answer-load.ts';
import { measureColdStarts } from './cold-start.ts';
import { measureMemorySizing } from './memory-sizing.ts';
import { measureOperationCosts } from './operation-costs.ts';
import { measurePlanning } from './planning-scale.ts';
import { evaluateTargets, ratio } from './targets.ts';
import { startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { setMetricsSink } from '../shared/platform/observability/metrics.ts';

setMetricsSink(() => undefined);

/**
 * `npm run bench`: figures anyone can reproduce on a laptop. Prints a table and writes
 * `bench-results.json` with the machine, Node version and date. Separate from `npm test`.
 * `BENCH_LOAD_SECONDS` sets the load run (default 30), `BENCH_PLAN_CONTACTS` the planning run
 * (default 100,000), `BENCH_COLD_START_RUNS` the fresh processes per build (default 25),
 * `BENCH_AGGREGATE_RESPONSES` the period aggregated from DynamoDB Local (default 10,000).
 */
const loadSeconds = Number(process.env['BENCH_LOAD_SECONDS'] ?? 30);
const planContacts = Number(process.env['BENCH_PLAN_CONTACTS'] ?? 100_000);
const coldStartRuns = Number(process.env['BENCH_COLD_START_RUNS'] ?? 25);
const aggregateReadsOf = Number(process.env['BENCH_AGGREGATE_RESPONSES'] ?? 10_000);
/** `BENCH_DASHBOARD_RESPONSES`: the larger of the two periods the dashboard pages are read at (the smaller is a tenth). */
const dashboardResponses = Number(process.env['BENCH_DASHBOARD_RESPONSES'] ?? 5_000);
const benchStarted = Date.now();
const progress = (line: string) => process.stderr.write(`  … ${String(Math.round((Date.now() - benchStarted) / 1000)).padStart(4)} s  ${line}\n`);
// The SDK (SES, in the local pipeline) warns about Node 20 once per process; it is not a figure.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

// Cold starts first, on a quiet machine: DynamoDB Local's JVM warms up on both cores for a while after it starts.
progress(`cold starts: ${readdirSync('functions').length} functions × 3 builds × ${coldStartRuns} fresh processes`);
const coldStarts = await measureColdStarts(coldStartRuns, undefined, progress);
progress('answer function memory: first and warm requests with the CPU held to each size’s share of a core');
const memorySizing = await measureMemorySizing(5, progress);
const dynamodb = await startDynamoDbLocal({ port: 8765 });
try {
  progress('DynamoDB units, SES calls and unit cost (200 invitations, sent at the SES rate: about 15 s)');
  const operations = await measureOperationCosts({ dynamodbEndpoint: dynamodb.endpoint, inboxPort: 8766, invitations: 200 });
  progress(`planning ${planContacts.toLocaleString('en')} contacts`);
  const planning = await measurePlanning({ dynamodbEndpoint: dynamodb.endpoint, contacts: planContacts, onProgress: progress });
  progress('aggregation: 10k, 100k and 1M responses in memory');
  const aggregation = [10_000, 100_000, 1_000_000].map((n) => measureAggregation(n));
  progress(`aggregation from DynamoDB Local: a period of ${aggregateReadsOf.toLocaleString('en')} responses`);
  const aggregationReads = await measureAggregationReads({ dynamodbEndpoint: dynamodb.endpoint, responses: aggregateReadsOf, onProgress: progress });
  progress(`dashboard pages over periods of ${(dashboardResponses / 10).toLocaleString('en')} and ${dashboardResponses.toLocaleString('en')} responses`);
  const dashboardReads = await measureDashboardReads({ dynamodbEndpoint: dynamodb.endpoint, sizes: [dashboardResponses / 10, dashboardResponses], onProgress: progress });
  progress(`answer path under load for ${loadSeconds} s`);
  const answerLoad = await measureAnswerLoad({ dynamodbEndpoint: dynamodb.endpoint, seconds: loadSeconds, concurrency: 32, invitations: Math.max(2_000, loadSeconds * 600) });
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    benchSeconds: 0,
    coldStarts,
    memorySizing: memorySizing ?? 'skipped: needs root and the cgroup v1 cpu controller',
    operations,
    planning,
    aggregation,
    aggregationReads,
    dashboardReads,
    answerLoad,
    targets: [] as ReturnType<typeof evaluateTargets>,
  };
  results.benchSeconds = Math.round((Date.now() - benchStarted) / 1000);
  results.targets = evaluateTargets(results);

  console.log(`Feedback pipeline benchmark — ${results.date}, Node ${results.node}, ${results.machine}\n`);
  console.log('Cold-start proxies (minified ESM; import = median of fresh processes, the three builds interleaved)');
  console.log('  function          this product: KB  import ms  │  SDK bundled, untuned: KB  import ms  │  SDK external (NodejsFunction default): KB  import ms  │  product ÷ untuned  product ÷ default  │  network at import');
  for (const c of coldStarts) {
    console.log(
      `  ${c.fn.padEnd(16)} ${String(c.kb.product).padStart(17)}  ${String(c.importMs.product).padStart(9)}  │  ${String(c.kb.sdkBundled).padStart(24)}  ${String(c.importMs.sdkBundled).padStart(9)}  │  ${String(c.kb.sdkExternal).padStart(41)}  ${String(c.importMs.sdkExternal).padStart(9)}  │  ${`${ratio(c.importMs.product, c.importMs.sdkBundled)}×`.padStart(17)}  ${`${ratio(c.importMs.product, c.importMs.sdkExternal)}×`.padStart(17)}  │  ${c.networkCallsAtImport}`,
    );
  }
  for (const c of coldStarts.filter((s) => s.firstRequestMs)) {
    const f = c.firstRequestMs!;
    console.log(`  ${c.fn}, import + first request (a one-click answer: its DynamoDB calls built, signed and sent): ${f.product} ms, untuned ${f.sdkBundled} ms (${ratio(f.product, f.sdkBundled)}×), default ${f.sdkExternal} ms (${ratio(f.product, f.sdkExternal)}×)`);
  }
  if (memorySizing) {
    console.log('\nAnswer function by memory size (CPU held to memory ÷ 1,769 MB of a core, as Lambda does; median of 5 fresh processes)');
    console.log('  memory MB   first request ms   warm request ms   $ per million warm answers (+10 ms I/O assumed)');
    for (const m of memorySizing) console.log(`  ${String(m.memoryMb).padStart(9)}   ${String(m.firstRequestMs).padStart(16)}   ${String(m.warmRequestMs).padStart(15)}   ${m.usdPerMillionWarm}`);
  }
  const o = operations;
  console.log(`\nDynamoDB units (ReturnConsumedCapacity), ${o.invitations} invitations and ${o.responses} responses`);
  console.log(`  per invitation planned: ${o.planUnitsPerInvitation.reads} RCU, ${o.planUnitsPerInvitation.writes} WCU; sent: ${o.sendUnitsPerInvitation.reads} RCU, ${o.sendUnitsPerInvitation.writes} WCU`);
  console.log(`  per response stored: ${o.storeUnitsPerResponse.reads} RCU, ${o.storeUnitsPerResponse.writes} WCU; per response aggregated: ${o.aggregateReadUnitsPerResponse} RCU (a small period: mostly the fixed cost of 32 shard queries)`);
  console.log(`\nSending: ${o.sesCallsPer1000} SES calls and ${o.sendWallSecondsPer1000} s per 1,000 invitations; at most ${o.maxSendsInOneSecond} sends in any second (rate ${o.configuredSendRate}/s)`);
  console.log(`Unit cost: $${o.dollarsPer1000Sent} per 1,000 questionnaires sent ($${o.dollarsPer1000SentExcludingSes} without SES's own price), $${o.dollarsPer1000Responses} per 1,000 responses (${o.priceTable})\n`);
  const p = planning;
  console.log(`Planning: ${p.contacts.toLocaleString('en')} contacts in ${p.seconds} s (${p.contactsPerSecond}/s), ${p.queued.toLocaleString('en')} queued\n`);
  const r = aggregationReads;
  console.log(`Aggregation from DynamoDB Local: ${r.responses.toLocaleString('en')} responses (+ their invitations) read with ${r.readUnits} RCU = ${r.readUnitsPerResponse} RCU per response, ${r.seconds} s, ${r.cpuMs} ms CPU`);
  console.log(`  trend read (a period's rollups: company, 20 departments, 400 staff): ${r.trendReadUnits.period} RCU; for a period a tenth the size: ${r.trendReadUnits.tenthPeriod} RCU`);
  console.log('Aggregation CPU (one pass in memory)   responses   CPU ms   heap Δ MB   s per 1M   read units at the measured rate');
  for (const a of aggregation) {
    console.log(`${' '.repeat(38)}${String(a.responses).padStart(10)}  ${String(a.cpuMs).padStart(7)}  ${String(a.heapMb).padStart(10)}  ${a.perMillionSeconds.toFixed(2).padStart(9)}   ${Math.round(a.responses * r.readUnitsPerResponse).toLocaleString('en')}`);
  }
  console.log('\nDashboard pages, read units per page view (company link / department link)');
  console.log(`  responses  ${Object.keys(dashboardReads.sizes[0]!.company).map((p) => p.padStart(11)).join('')}`);
  for (const s of dashboardReads.sizes) console.log(`  ${String(s.responses).padStart(9)}  ${Object.keys(s.company).map((p) => `${s.company[p]}/${s.department[p]}`.padStart(11)).join('')}`);
  const l = answerLoad;
  console.log(`\nAnswer path under load (${l.seconds} s, ${l.concurrency} concurrent, local server + DynamoDB Local)`);
  console.log(`  requests ${l.requests}, ${l.requestsPerSecond}/s, p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, errors ${l.errors}`);
  console.log(`  acknowledged ${l.acknowledged}, stored ${l.stored}, lost ${l.lost}`);
  console.log('\nTargets');
  for (const t of results.targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.achieved} (target ${t.target})`);
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to bench-results.json (the whole run took ${results.benchSeconds} s)`);
  if (results.targets.some((t) => !t.met)) process.exitCode = 1;
} finally {
  await dynamodb.stop();
}
