import { parseSegmentKey } from '../platform/table/keys.ts';
import type { Rollup, Tally } from './rollup.ts';

/** NPS (promoters % − detractors %) or CSAT (% satisfied), or null with no responses. */
export function headlineScore(r: Pick<Rollup, 'headlineKind' | 'responses' | 'promoters' | 'detractors'>): number | null {
  if (r.responses === 0) return null;
  const promoters = (100 * r.promoters) / r.responses;
  return r.headlineKind === 'nps' ? promoters - (100 * r.detractors) / r.responses : promoters;
}

/** Answered / delivered, or null when nothing was delivered. */
export function responseRate(r: Pick<Rollup, 'responses' | 'delivered'>): number | null {
  return r.delivered === 0 ? null : r.responses / r.delivered;
}

const mean = (t: Tally): number | null => (t.n === 0 ? null : t.sum / t.n);

export type Quadrant = 'concentrate here' | 'keep up the good work' | 'low priority' | 'possible overkill';

/**
 * Fewer performance ratings than this and a value is shown but not judged (no quadrant, "too
 * few ratings"): with matrix sampling each value gets only a share of the responses, and below
 * ten ratings the 95 % interval of a 1–5 mean is typically ±0.6 or wider, more than the gaps
 * between values that a quadrant would rest on.
 */
export const MIN_RATINGS_PER_VALUE = 10;

/** A 1–5 mean's 95 % interval half-width from its tally, or null below two ratings. */
export function ratingInterval(t: Tally): number | null {
  if (t.n < 2) return null;
  const m = t.sum / t.n;
  // Sample variance from the sum of squares; rollups from before it was kept use the largest
  // variance a 1–5 mean allows (Bhatia–Davis bound), so their interval errs on the wide side.
  const variance = t.sq !== undefined ? Math.max(0, (t.sq - t.n * m * m) / (t.n - 1)) : (5 - m) * (m - 1);
  return 1.96 * Math.sqrt(variance / t.n);
}

export interface ValueRow {
  id: string;
  importance: number | null;
  performance: number | null;
  competitor: number | null;
  /** Ratings behind each mean: with matrix sampling each value has its own sample. */
  n: { importance: number; performance: number; competitor: number };
  /** 95 % interval half-width of the performance mean, null below two ratings. */
  performanceMargin: number | null;
  /** Below {@link MIN_RATINGS_PER_VALUE} performance ratings: shown, not judged. */
  tooFew: boolean;
  /** Our performance minus importance: negative where we fall short of what matters. */
  gapToImportance: number | null;
  /** Our performance minus the competitor's: negative where they do better. */
  gapToCompetitor: number | null;
  quadrant: Quadrant | null;
}

/**
 * Importance–performance analysis: each value's means and gaps, and its quadrant, split at
 * the grand means of importance and performance across the values with enough ratings to judge
 * (a value with too few gets no quadrant).
 */
export function valueTable(r: Pick<Rollup, 'values'>, order: readonly string[]): ValueRow[] {
  const rows = order.map((id) => {
    const v = r.values[id];
    const importance = v ? mean(v.importance) : null;
    const performance = v ? mean(v.performance) : null;
    const competitor = v ? mean(v.competitor) : null;
    const n = { importance: v?.importance.n ?? 0, performance: v?.performance.n ?? 0, competitor: v?.competitor.n ?? 0 };
    return {
      id,
      importance,
      performance,
      competitor,
      n,
      performanceMargin: v ? ratingInterval(v.performance) : null,
      tooFew: n.performance < MIN_RATINGS_PER_VALUE,
      gapToImportance: importance !== null && performance !== null ? performance - importance : null,
      gapToCompetitor: competitor !== null && performance !== null ? performance - competitor : null,
    };
  });
  const rated = rows.filter((row) => row.importance !== null && row.performance !== null && !row.tooFew);
  const grandImportance = rated.reduce((sum, row) => sum + row.importance!, 0) / (rated.length || 1);
  const grandPerformance = rated.reduce((sum, row) => sum + row.performance!, 0) / (rated.length || 1);
  return rows.map((row) => ({
    ...row,
    quadrant:
      row.importance === null || row.performance === null || row.tooFew
        ? null
        : row.importance >= grandImportance
          ? row.performance >= grandPerformance
            ? 'keep up the good work'
            : 'concentrate here'
          : row.performance >= grandPerformance
            ? 'possible overkill'
            : 'low priority',
  }));
}

/** Shares of better / same / worse among those who gave a view (don't-knows excluded). */
export function comparisonShares(r: Pick<Rollup, 'comparison'>): { better: number; same: number; worse: number; n: number } | null {
  const n = r.comparison.better + r.comparison.same + r.comparison.worse;
  return n === 0 ? null : { better: r.comparison.better / n, same: r.comparison.same / n, worse: r.comparison.worse / n, n };
}

/** Per standard: share answered "yes", and how many answered. */
export function standardsCompliance(r: Pick<Rollup, 'standards'>): Array<{ id: string; compliance: number; n: number }> {
  return Object.entries(r.standards)
    .map(([id, s]) => ({ id, compliance: s.yes / (s.yes + s.no), n: s.yes + s.no }))
    .filter((s) => s.n > 0)
    .sort((a, b) => a.compliance - b.compliance);
}

export interface StaffRow {
  email: string;
  /** Quantity: customers served and surveyed in the period. */
  delivered: number;
  responses: number;
  /** The raw headline score, and the same shrunk toward the company's for small samples. */
  score: number | null;
  quality: number | null;
  ranked: boolean;
}

/**
 * Staff quantity and quality, fairly: a few lucky answers must not top the table, so each
 * score is shrunk toward the company score as if `prior` company-average responses were
 * added (an empirical-Bayes style estimate), and nobody is ranked below `minSample` responses.
 */
export function staffTable(staff: readonly Rollup[], company: Rollup, options: { prior?: number; minSample?: number } = {}): StaffRow[] {
  const prior = options.prior ?? 10;
  const minSample = options.minSample ?? 5;
  const companyScore = headlineScore(company) ?? 0;
  return staff
    .map((r) => {
      const score = headlineScore(r);
      const quality = score === null ? null : (r.responses * score + prior * companyScore) / (r.responses + prior);
      const segment = parseSegmentKey(r.segment);
      return { email: segment?.kind === 'staff' ? segment.email : r.segment, delivered: r.delivered, responses: r.responses, score, quality, ranked: r.responses >= minSample };
    })
    .sort((a, b) => Number(b.ranked) - Number(a.ranked) || (b.quality ?? -Infinity) - (a.quality ?? -Infinity) || b.delivered - a.delivered);
}

/**
 * Fewer responses than this on either side of a comparison, and a change is not judged at all:
 * with a handful of answers the interval is so wide (and the normal approximation so poor)
 * that "significant" would mislead a manager. About 30 is the usual floor for it.
 */
export const MIN_SAMPLE_FOR_CHANGE = 30;

export interface Change {
  from: number | null;
  to: number | null;
  delta: number | null;
  /** 95 % interval of the change, clipped to what the scale allows from `from`. */
  low: number | null;
  high: number | null;
  nFrom: number;
  nTo: number;
  significant: boolean;
  /** What may be said of the change: nothing without both scores, nothing firm below the minimum sample. */
  verdict: 'no comparison' | 'too few responses' | 'significant' | 'not significant';
}

/** The range a headline score can take: NPS −100 to 100, CSAT (share satisfied) 0 to 100. */
export function scoreRange(kind: Rollup['headlineKind']): { min: number; max: number } {
  return kind === 'nps' ? { min: -100, max: 100 } : { min: 0, max: 100 };
}

/**
 * The change in the headline score between two rollups, with a 95 % interval from the
 * variance of each score (NPS: each response scores +100, 0 or −100; CSAT: 100 or 0), and
 * "not significant" when the interval spans zero. Below {@link MIN_SAMPLE_FOR_CHANGE}
 * responses on either side it is never called significant.
 */
export function headlineChange(from: Rollup | undefined, to: Rollup): Change {
  const a = from ? headlineScore(from) : null;
  const b = headlineScore(to);
  const nFrom = from?.responses ?? 0;
  if (a === null || b === null || !from) return { from: a, to: b, delta: null, low: null, high: null, nFrom, nTo: to.responses, significant: false, verdict: 'no comparison' };
  const se = Math.sqrt(scoreVariance(from) / from.responses + scoreVariance(to) / to.responses);
  const delta = b - a;
  // The new score cannot leave the scale, so neither can the change's interval.
  const range = scoreRange(to.headlineKind);
  const low = Math.max(delta - 1.96 * se, range.min - a);
  const high = Math.min(delta + 1.96 * se, range.max - a);
  const enough = nFrom >= MIN_SAMPLE_FOR_CHANGE && to.responses >= MIN_SAMPLE_FOR_CHANGE;
  const significant = enough && (low > 0 || high < 0);
  return { from: a, to: b, delta, low, high, nFrom, nTo: to.responses, significant, verdict: !enough ? 'too few responses' : significant ? 'significant' : 'not significant' };
}

/** Variance of the per-response score whose mean is the headline score. */
export function scoreVariance(r: Pick<Rollup, 'responses' | 'promoters' | 'detractors' | 'headlineKind'>): number {
  const pro = r.promoters / r.responses;
  const det = r.headlineKind === 'nps' ? r.detractors / r.responses : 0;
  const meanScore = 100 * (pro - det);
  return 100 * 100 * (pro + det) - meanScore * meanScore;
}
