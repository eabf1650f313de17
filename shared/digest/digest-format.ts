import type { DigestReport } from './digest-report.ts';
import { MIN_SAMPLE_FOR_CHANGE } from './measures.ts';
import { periodLabel } from './period.ts';

/** A figure to `digits` decimals; a dash where there is nothing to measure yet. */
export const fmt = (value: number | null, digits = 0) => (value === null ? '–' : value.toFixed(digits));
export const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)} %`);
const signed = (value: number | null) => (value === null ? '–' : `${value >= 0 ? '+' : ''}${Math.round(value)}`);

/** "1 response", "2 responses": a count with its noun, singular or plural. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function changeText(change: DigestReport['vsPrevious'] | null, against: string): string {
  if (!change || change.delta === null) return `${against}: no comparison yet`;
  const where = `${against}, ${periodLabel(change.period)}`;
  if (change.verdict === 'too few responses') {
    return `${where}: ${signed(change.delta)}, from ${count(change.nFrom, 'response')} to ${count(change.nTo, 'response')} — too few to tell (a change is judged from ${MIN_SAMPLE_FOR_CHANGE} responses on each side)`;
  }
  return `${where}: ${signed(change.delta)} [95 % interval ${signed(change.low)} to ${signed(change.high)}; n = ${change.nFrom} → ${change.nTo}]${change.significant ? '' : ' — not significant'}`;
}

export function headlineLabel(kind: DigestReport['headlineKind']): 'NPS' | 'CSAT' {
  return kind === 'nps' ? 'NPS' : 'CSAT';
}
