import type { HeadlineKind } from '../questionnaires/questionnaire-schema.ts';
import type { TResponse } from '../answering/response-store.ts';

/**
 * A period's figures for one segment (the company, a department, a staff member), kept as
 * sums and counts so that rollups add up: a month is the merge of its weeks, a department
 * the merge of its staff. Trends read rollups, never raw responses.
 */
export interface Rollup {
  segment: string;
  headlineKind: HeadlineKind;
  /** Invitations delivered in the period (customers served and asked). */
  delivered: number;
  /** Responses whose headline score counts (held one-click scores do not). */
  responses: number;
  /** NPS: 9–10 / 7–8 / 0–6. CSAT: 4–5 / 3 / 1–2. */
  promoters: number;
  passives: number;
  detractors: number;
  scoreSum: number;
  values: Record<string, { importance: Tally; performance: Tally; competitor: Tally }>;
  comparison: { better: number; same: number; worse: number; dk: number };
  standards: Record<string, { yes: number; no: number }>;
  /** The lowest-scored comments, lowest first, at most {@link MAX_COMMENTS}. */
  comments: Array<{ score: number; text: string; staffEmail?: string; low?: string[] }>;
}

export interface Tally {
  sum: number;
  n: number;
  /** Sum of squares, for each value's interval; absent in rollups written before it was kept. */
  sq?: number;
}

export const MAX_COMMENTS = 30;
/** A performance rating at or below this (of 5) counts as rated low. */
export const LOW_PERFORMANCE = 2;

export function emptyRollup(segment: string, headlineKind: HeadlineKind): Rollup {
  return { segment, headlineKind, delivered: 0, responses: 0, promoters: 0, passives: 0, detractors: 0, scoreSum: 0, values: {}, comparison: { better: 0, same: 0, worse: 0, dk: 0 }, standards: {}, comments: [] };
}

/** Promoter / passive / detractor for a headline score on its scale. */
export function classify(kind: HeadlineKind, score: number): 'promoters' | 'passives' | 'detractors' {
  if (kind === 'nps') return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
  return score >= 4 ? 'promoters' : score === 3 ? 'passives' : 'detractors';
}

/** Whether a stored response's headline counts: given, and not held as a suspected scanner fetch. */
export function counts(response: Pick<TResponse, 'headlineScore' | 'headlineHeld'>): response is TResponse & { headlineScore: number } {
  return response.headlineScore !== undefined && response.headlineHeld === undefined;
}

/** Adds one counted response to a rollup (mutates it: aggregation makes one pass). */
export function addResponse(rollup: Rollup, response: TResponse & { headlineScore: number }): void {
  rollup.responses++;
  rollup[classify(rollup.headlineKind, response.headlineScore)]++;
  rollup.scoreSum += response.headlineScore;
  const answers = response.answers;
  if (!answers) return;
  for (const [id, rating] of Object.entries(answers.values)) {
    const value = (rollup.values[id] ??= { importance: { sum: 0, n: 0 }, performance: { sum: 0, n: 0 }, competitor: { sum: 0, n: 0 } });
    if (rating.importance !== undefined) tally(value.importance, rating.importance);
    if (rating.performance !== undefined) tally(value.performance, rating.performance);
    if (typeof rating.competitor === 'number') tally(value.competitor, rating.competitor);
  }
  if (answers.comparison) rollup.comparison[answers.comparison]++;
  for (const [id, yes] of Object.entries(answers.standards)) {
    const standard = (rollup.standards[id] ??= { yes: 0, no: 0 });
    standard[yes ? 'yes' : 'no']++;
  }
  if (answers.comment) {
    // The values this customer rated low, so a manager can read the comments behind a weak value.
    const low = Object.entries(answers.values).filter(([, rating]) => rating.performance !== undefined && rating.performance <= LOW_PERFORMANCE).map(([id]) => id);
    keepLowest(rollup.comments, { score: response.headlineScore, text: answers.comment, ...(response.staffEmail ? { staffEmail: response.staffEmail } : {}), ...(low.length ? { low } : {}) });
  }
}

function tally(t: Tally, value: number): void {
  t.sum += value;
  t.sq = (t.sq ?? 0) + value * value;
  t.n++;
}

function keepLowest(comments: Rollup['comments'], comment: Rollup['comments'][number]): void {
  if (comments.length >= MAX_COMMENTS && comment.score >= comments[comments.length - 1]!.score) return;
  const at = comments.findIndex((c) => c.score > comment.score);
  comments.splice(at === -1 ? comments.length : at, 0, comment);
  if (comments.length > MAX_COMMENTS) comments.pop();
}

/** The sum of rollups of the same kind, under `segment` (a month from weeks, a company from departments). */
export function mergeRollups(segment: string, rollups: readonly Rollup[], headlineKind: HeadlineKind): Rollup {
  const merged = emptyRollup(segment, headlineKind);
  for (const r of rollups) {
    merged.delivered += r.delivered;
    merged.responses += r.responses;
    merged.promoters += r.promoters;
    merged.passives += r.passives;
    merged.detractors += r.detractors;
    merged.scoreSum += r.scoreSum;
    for (const [id, v] of Object.entries(r.values)) {
      const target = (merged.values[id] ??= { importance: { sum: 0, n: 0 }, performance: { sum: 0, n: 0 }, competitor: { sum: 0, n: 0 } });
      for (const key of ['importance', 'performance', 'competitor'] as const) {
        const before = target[key].n;
        target[key].sum += v[key].sum;
        target[key].n += v[key].n;
        // Exact only while every part kept its squares; otherwise the interval falls back to a bound.
        if (v[key].n > 0) target[key].sq = before === 0 ? v[key].sq : target[key].sq !== undefined && v[key].sq !== undefined ? target[key].sq + v[key].sq : undefined;
      }
    }
    for (const key of ['better', 'same', 'worse', 'dk'] as const) merged.comparison[key] += r.comparison[key];
    for (const [id, s] of Object.entries(r.standards)) {
      const target = (merged.standards[id] ??= { yes: 0, no: 0 });
      target.yes += s.yes;
      target.no += s.no;
    }
    for (const comment of r.comments) keepLowest(merged.comments, comment);
  }
  return merged;
}
