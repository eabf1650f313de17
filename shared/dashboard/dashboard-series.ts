import { headlineScore, responseRate, scoreRange, scoreVariance, standardsCompliance, valueTable, type ValueRow } from '../digest/measures.ts';
import { mergeRollups, type Rollup } from '../digest/rollup.ts';

/** One period of a headline trend: the score, its 95 % interval, and what it rests on. */
export interface TrendPoint {
  period: string;
  score: number | null;
  low: number | null;
  high: number | null;
  responses: number;
  delivered: number;
  responseRate: number | null;
}

/**
 * The headline score per period with its 95 % interval (the score's own standard error, as
 * the digest's change uses, clipped to the scale): the chart's band shows how much each
 * point could move by chance.
 */
export function headlineTrend(periods: readonly string[], rollups: ReadonlyArray<Rollup | undefined>): TrendPoint[] {
  return periods.map((period, i) => {
    const r = rollups[i];
    const score = r ? headlineScore(r) : null;
    if (!r || score === null) return { period, score: null, low: null, high: null, responses: r?.responses ?? 0, delivered: r?.delivered ?? 0, responseRate: r ? responseRate(r) : null };
    const half = 1.96 * Math.sqrt(scoreVariance(r) / r.responses);
    const range = scoreRange(r.headlineKind);
    return { period, score, low: Math.max(range.min, score - half), high: Math.min(range.max, score + half), responses: r.responses, delivered: r.delivered, responseRate: responseRate(r) };
  });
}

/** Per value, its mean performance in each period (null where not rated), in the questionnaire's order. */
export function valueTrends(order: readonly string[], rollups: ReadonlyArray<Rollup | undefined>): Array<{ id: string; performance: Array<{ value: number | null; n: number }> }> {
  const tables = rollups.map((r) => (r ? valueTable(r, order) : undefined));
  return order.map((id, k) => ({
    id,
    performance: tables.map((rows, i) => ({ value: rows?.[k]?.performance ?? null, n: rollups[i]?.values[id]?.performance.n ?? 0 })),
  }));
}

/** Per standard, its compliance in each period (null where nobody answered it). */
export function standardTrends(order: readonly string[], rollups: ReadonlyArray<Rollup | undefined>): Array<{ id: string; compliance: Array<{ value: number | null; n: number }> }> {
  const tables = rollups.map((r) => (r ? new Map(standardsCompliance(r).map((s) => [s.id, s])) : undefined));
  return order.map((id) => ({ id, compliance: tables.map((t) => ({ value: t?.get(id)?.compliance ?? null, n: t?.get(id)?.n ?? 0 })) }));
}

/**
 * How many of the latest periods the values quadrant pools. Each response rates a few values
 * in turn, so one week gives a value a fraction of the ratings; four weeks give it about as
 * many as one week would if every value were asked.
 */
export const POOLED_PERIODS = 4;

/** The values' importance–performance table over the latest periods pooled, and how many periods had data. */
export function pooledValueTable(order: readonly string[], rollups: ReadonlyArray<Rollup | undefined>): { rows: ValueRow[]; periods: number } {
  const recent = rollups.slice(-POOLED_PERIODS).filter((r): r is Rollup => r !== undefined);
  if (recent.length === 0) return { rows: [], periods: 0 };
  return { rows: valueTable(mergeRollups(recent[0]!.segment, recent, recent[0]!.headlineKind), order), periods: recent.length };
}
