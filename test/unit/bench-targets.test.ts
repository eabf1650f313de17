import { describe, expect, it } from 'vitest';
import { evaluateTargets } from '../../bench/targets.ts';
import type { ColdStart } from '../../bench/cold-start.ts';
import type { OperationCosts } from '../../bench/operation-costs.ts';
import type { LoadResult } from '../../bench/answer-load.ts';
import type { AggregationReads } from '../../bench/aggregation-reads.ts';

function results(overrides: { importMs?: number; naiveMs?: number; writes?: number; reads?: number; aggregate?: number; trend?: number; lost?: number; maxSends?: number; benchSeconds?: number } = {}) {
  const answer: ColdStart = {
    fn: 'http-api',
    kb: { product: 350, sdkBundled: 500, sdkExternal: 140 },
    importMs: { product: overrides.importMs ?? 44, sdkBundled: overrides.naiveMs ?? 60, sdkExternal: 150 },
    networkCallsAtImport: 0,
  };
  const operations = {
    storeUnitsPerResponse: { writes: overrides.writes ?? 2, reads: overrides.reads ?? 0 },
    aggregateReadUnitsPerResponse: 0.14,
    dollarsPer1000Responses: 0.0028,
    maxSendsInOneSecond: overrides.maxSends ?? 14,
    configuredSendRate: 14,
  } as OperationCosts;
  const aggregationReads = { responses: 10_000, readUnitsPerResponse: overrides.aggregate ?? 0.145, trendReadUnits: { period: overrides.trend ?? 30, tenthPeriod: 29.5 } } as AggregationReads;
  const answerLoad = { lost: overrides.lost ?? 0, errors: 0 } as LoadResult;
  return { coldStarts: [answer], operations, aggregationReads, answerLoad, benchSeconds: overrides.benchSeconds ?? 500 };
}

const unmet = (r: ReturnType<typeof results>) => evaluateTargets(r).filter((t) => !t.met).map((t) => t.name);

describe('the benchmark’s targets', () => {
  it('are all met by figures inside every limit', () => {
    expect(unmet(results())).toEqual([]);
  });

  it.each([
    // 0.40 × 150 ms = 60 ms, but that is past 0.80 × the untuned build too: raise that one.
    ['answer function import vs NodejsFunction’s default build (SDK external)', { importMs: 60.1, naiveMs: 100 }],
    ['answer function import vs the SDK bundled untuned', { importMs: 48.1 }],
    ['units per response stored', { reads: 0.5 }],
    ['units per response stored', { writes: 3 }],
    ['read units per response aggregated (a period of 10,000)', { aggregate: 0.151 }],
    ['trend read: a period against one a tenth its size, same staff', { trend: 45 }],
    ['answers lost or failed under load', { lost: 1 }],
    ['sends in any one second', { maxSends: 15 }],
    ['whole benchmark run', { benchSeconds: 600 }],
  ])('flag "%s" when a figure is past its limit', (name, overrides) => {
    expect(unmet(results(overrides))).toEqual([name]);
  });
});
