import type { DigestReport } from './digest-report.ts';
import { csvText } from '../platform/csv/csv-text.ts';

/** The report's figures as CSV, the same for `feedback report --format csv` and the dashboard's download. */

const round = (value: number | null, digits = 1) => (value === null ? '' : String(Math.round(value * 10 ** digits) / 10 ** digits));

/** Rows of `section, item, measure, value` — one table that spreadsheets read as it is. */
export function reportRows(report: DigestReport): string[][] {
  const rows: string[][] = [
    ['headline', report.scope.name, report.headlineKind, round(report.score)],
    ['headline', report.scope.name, 'responses', String(report.responses)],
    ['headline', report.scope.name, 'delivered', String(report.delivered)],
    ['headline', report.scope.name, 'response rate', round(report.responseRate, 3)],
    ['trend', report.vsPrevious.period, 'change', round(report.vsPrevious.delta)],
    ['trend', report.vsPrevious.period, 'significant', String(report.vsPrevious.significant)],
    ['trend', report.vsPrevious.period, 'verdict', report.vsPrevious.verdict],
    ...(report.vsBenchmark ? [['benchmark', report.vsBenchmark.period, 'change', round(report.vsBenchmark.delta)], ['benchmark', report.vsBenchmark.period, 'significant', String(report.vsBenchmark.significant)]] : []),
  ];
  for (const v of report.values) {
    rows.push(['value', v.label, 'importance', round(v.importance, 2)], ['value', v.label, 'performance', round(v.performance, 2)], ['value', v.label, 'competitor', round(v.competitor, 2)], ['value', v.label, 'quadrant', v.quadrant ?? ''], ['value', v.label, 'ratings', String(v.n.performance)], ['value', v.label, 'performance margin', round(v.performanceMargin, 2)], ['value', v.label, 'too few to judge', String(v.tooFew)]);
  }
  if (report.comparison) for (const key of ['better', 'same', 'worse'] as const) rows.push(['competitor', 'other companies', key, round(report.comparison[key], 3)]);
  for (const s of report.standards) rows.push(['standard', s.text, 'compliance', round(s.compliance, 3)]);
  for (const s of report.staff) rows.push(['staff', s.name, 'served', String(s.delivered)], ['staff', s.name, 'responses', String(s.responses)], ['staff', s.name, 'quality', round(s.quality)], ['staff', s.name, 'ranked', String(s.ranked)]);
  const c = report.complaints;
  rows.push(
    ['complaints', 'all', 'opened', String(c.opened)],
    ['complaints', 'all', 'resolved', String(c.resolved)],
    ['complaints', 'all', 'open at the end', String(c.openAtEnd)],
    ['complaints', 'all', 'median hours to acknowledge', round(c.hoursToAcknowledge.median)],
    ['complaints', 'all', 'p90 hours to acknowledge', round(c.hoursToAcknowledge.p90)],
    ['complaints', 'all', 'median hours to resolve', round(c.hoursToResolve.median)],
    ['complaints', 'all', 'p90 hours to resolve', round(c.hoursToResolve.p90)],
    ['complaints', 'all', 'within SLA', round(c.withinSlaShare, 3)],
    ['complaints', 'all', 'open past SLA', String(c.openPastSla)],
    ['cost', `prices ${report.cost.priceTableAsOf}`, 'dollars', report.cost.dollars.toFixed(4)],
  );
  return rows;
}

/** The report as CSV: spreadsheet-safe cells (see csvCell). */
export function toCsv(rows: string[][]): string {
  return csvText(['section', 'item', 'measure', 'value'], rows);
}
