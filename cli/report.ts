import type { Table } from '../shared/platform/table/table-client.ts';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import { parseSegmentKey } from '../shared/platform/table/keys.ts';
import { getDepartment, getStaffMember } from '../shared/people/directory-store.ts';
import type { DigestReport, DigestScope } from '../shared/digest/digest-report.ts';
import { readPeriodFacts, reportForScope } from '../shared/digest/period-report.ts';
import { csvText } from '../shared/platform/csv/csv-text.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';

/** `company`, `dept:<id>` or `staff:<email>`, with the name a reader knows it by. */
export async function resolveScope(table: Table, scope: string, businessName: string): Promise<DigestScope | string> {
  const segment = parseSegmentKey(scope);
  if (!segment) return `--scope: "${scope}" is not company, dept:<id> or staff:<email>`;
  if (segment.kind === 'company') return { kind: 'company', name: businessName };
  if (segment.kind === 'staff') {
    const member = await getStaffMember(table, segment.email);
    return member ? { kind: 'staff', email: member.email, name: member.name } : `--scope: no staff member "${segment.email}" (import the staff directory with \`feedback import staff\`)`;
  }
  const department = await getDepartment(table, segment.id);
  return department ? { kind: 'department', id: department.id, name: department.name } : `--scope: no department "${segment.id}"`;
}

/**
 * The digest's figures for one scope and period, read and built exactly as the digest does
 * (rollups aggregated first if the period never was).
 */
export async function buildReport(table: Table, config: TDeploymentConfig, questionnaire: TQuestionnaire, period: string, scope: DigestScope, now = new Date()): Promise<DigestReport | undefined> {
  const facts = await readPeriodFacts(table, questionnaire, period, { calendar: complaintHandlingFrom(config).calendar, now, aggregate: 'if-missing' });
  return reportForScope(facts, scope);
}

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
  if (report.comparison) for (const key of ['better', 'same', 'worse'] as const) rows.push(['competitor', report.competitorName ?? 'competitor', key, round(report.comparison[key], 3)]);
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
