import type { DigestReport } from './digest-report.ts';

/** A figure to `digits` decimals; a dash where there is nothing to measure yet. */
export const fmt = (value: number | null, digits = 0) => (value === null ? '–' : value.toFixed(digits));
export const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)} %`);
const signed = (value: number | null) => (value === null ? '–' : `${value >= 0 ? '+' : ''}${Math.round(value)}`);

export function changeText(change: DigestReport['vsPrevious'] | null, against: string): string {
  if (!change || change.delta === null) return `${against}: no comparison yet`;
  return `${against} (${change.period}): ${signed(change.delta)} [95 % interval ${signed(change.low)} to ${signed(change.high)}; n = ${change.nFrom} → ${change.nTo}]${change.significant ? '' : ' — not significant'}`;
}

export function headlineLabel(kind: DigestReport['headlineKind']): 'NPS' | 'CSAT' {
  return kind === 'nps' ? 'NPS' : 'CSAT';
}
