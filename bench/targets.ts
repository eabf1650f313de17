import type { ColdStart } from './cold-start.ts';
import type { LoadResult } from './answer-load.ts';
import type { OperationCosts } from './operation-costs.ts';
import type { AggregationReads } from './aggregation-reads.ts';
import type { DashboardReads } from './dashboard-reads.ts';

export interface TargetOutcome {
  name: string;
  target: string;
  achieved: string;
  met: boolean;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** The answer path's function: the one customers wait on. */
const ANSWER_FUNCTION = 'http-api';

/** The figures the benchmark issue set, checked against one run's results. */
export { ratio };

export function evaluateTargets(results: { coldStarts: ColdStart[]; operations: OperationCosts; aggregationReads: AggregationReads; dashboardReads?: DashboardReads; answerLoad: LoadResult; benchSeconds: number }): TargetOutcome[] {
  const answer = results.coldStarts.find((c) => c.fn === ANSWER_FUNCTION);
  const o = results.operations;
  const outcomes: TargetOutcome[] = [];
  const check = (name: string, target: string, achieved: string, met: boolean) => outcomes.push({ name, target, achieved, met });
  if (answer) {
    // Ratios of builds measured side by side in one run: the machine's speed cancels out.
    const { product, sdkExternal, sdkBundled } = answer.importMs;
    check('answer function import vs NodejsFunction’s default build (SDK external)', '≤ 0.40×', `${ratio(product, sdkExternal)}× (${product} vs ${sdkExternal} ms)`, product <= 0.4 * sdkExternal);
    check('answer function import vs the SDK bundled untuned', '≤ 0.80×', `${ratio(product, sdkBundled)}× (${product} vs ${sdkBundled} ms)`, product <= 0.8 * sdkBundled);
  }
  const networkCalls = Math.max(0, ...results.coldStarts.map((c) => c.networkCallsAtImport));
  check('network calls during import, every function', '0', String(networkCalls), networkCalls === 0);
  const stored = o.storeUnitsPerResponse;
  check('units per response stored', '≤ 2 WCU and 0 RCU', `${stored.writes} WCU, ${stored.reads} RCU`, stored.writes <= 2 && stored.reads === 0);
  // Measured on the large period: a small one is dominated by the fixed cost of its 32 shard
  // queries (each rounded up to half a unit), which the output shows beside it.
  const reads = results.aggregationReads;
  check(`read units per response aggregated (a period of ${reads.responses.toLocaleString('en')})`, '≤ 0.15 RCU', `${reads.readUnitsPerResponse} RCU`, reads.readUnitsPerResponse <= 0.15);
  // A period's rollups hold sums and at most 30 comments per segment: the trend read follows
  // the number of segments, not of responses. Ten times the responses may not cost 1.5 times the units.
  const trend = results.aggregationReads.trendReadUnits;
  check('trend read: a period against one a tenth its size, same staff', 'flat: < 1.5× the units for 10× the responses', `${trend.period} RCU vs ${trend.tenthPeriod} RCU`, trend.period < trend.tenthPeriod * 1.5);
  const [small, large] = results.dashboardReads?.sizes ?? [];
  if (small && large) {
    // Pages read rollups (at most 30 comments a segment), the complaint index and the directory: never responses.
    const worst = Math.max(...(['company', 'department'] as const).flatMap((who) => Object.keys(large[who]).map((page) => large[who][page]! / small[who][page]!)));
    check(`dashboard page read units, ${large.responses.toLocaleString('en')} against ${small.responses.toLocaleString('en')} responses`, 'flat: ≤ 1.1× on every page', `${ratio(worst, 1)}× at most`, worst <= 1.1);
  }
  check('cost per 1,000 responses', '≤ $0.003', `$${o.dollarsPer1000Responses}`, o.dollarsPer1000Responses <= 0.003);
  check('sends in any one second', `≤ the SES rate (${o.configuredSendRate})`, String(o.maxSendsInOneSecond), o.maxSendsInOneSecond <= o.configuredSendRate);
  const load = results.answerLoad;
  check('answers lost or failed under load', '0', `${load.lost} lost, ${load.errors} errors`, load.lost === 0 && load.errors === 0);
  check('whole benchmark run', '< 10 minutes', `${Math.round(results.benchSeconds / 6) / 10} min`, results.benchSeconds < 600);
  return outcomes;
}
