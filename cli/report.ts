import type { Table } from '../shared/platform/table/table-client.ts';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import { parseSegmentKey } from '../shared/platform/table/keys.ts';
import { benchmarkWaveOf } from '../shared/invitations/wave-store.ts';
import { getDepartment, listStaff } from '../shared/people/directory-store.ts';
import { listComplaints } from '../shared/complaints/complaint-store.ts';
import { aggregatePeriod } from '../shared/digest/aggregate-period.ts';
import { readRollups } from '../shared/digest/digest-store.ts';
import { buildDigestReport, complaintsForPeriod, type DigestReport, type DigestScope } from '../shared/digest/digest-report.ts';
import { periodEnd, periodStart, previousPeriod } from '../shared/digest/period.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';

/** `company`, `dept:<id>` or `staff:<email>`. */
export async function resolveScope(table: Table, scope: string, businessName: string): Promise<DigestScope | string> {
  const segment = parseSegmentKey(scope);
  if (!segment) return `--scope: "${scope}" is not company, dept:<id> or staff:<email>`;
  if (segment.kind === 'company') return { kind: 'company', name: businessName };
  if (segment.kind === 'staff') return { kind: 'staff', email: segment.email.toLowerCase(), name: segment.email };
  const department = await getDepartment(table, segment.id);
  return department ? { kind: 'department', id: department.id, name: department.name } : `--scope: no department "${segment.id}"`;
}

/** The digest's figures for one scope and period, from rollups (aggregating the period first if it never was). */
export async function buildReport(table: Table, config: TDeploymentConfig, questionnaire: TQuestionnaire, period: string, scope: DigestScope): Promise<DigestReport | undefined> {
  let rollups = await readRollups(table, questionnaire.id, period);
  if (rollups.length === 0) rollups = (await aggregatePeriod(table, questionnaire, period)).rollups;
  const staff = await listStaff(table);
  const benchmarkPeriod = await benchmarkWaveOf(table, questionnaire.id);
  const complaints = complaintsForPeriod(await listComplaints(table, { closedSince: periodStart(period) }), questionnaire.id, scope, periodEnd(period));
  return buildDigestReport({
    questionnaire,
    period,
    scope,
    rollups,
    previous: { period: previousPeriod(period), rollups: await readRollups(table, questionnaire.id, previousPeriod(period)) },
    benchmark: benchmarkPeriod ? { period: benchmarkPeriod, rollups: await readRollups(table, questionnaire.id, benchmarkPeriod) } : null,
    complaints,
    calendar: complaintHandlingFrom(config).calendar,
    staffNames: new Map(staff.map((s) => [s.email, s.name])),
    staffDepartments: new Map(staff.map((s) => [s.email, s.departmentId])),
    now: new Date(),
  });
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
    ...(report.vsBenchmark ? [['benchmark', report.vsBenchmark.period, 'change', round(report.vsBenchmark.delta)], ['benchmark', report.vsBenchmark.period, 'significant', String(report.vsBenchmark.significant)]] : []),
  ];
  for (const v of report.values) {
    rows.push(['value', v.label, 'importance', round(v.importance, 2)], ['value', v.label, 'performance', round(v.performance, 2)], ['value', v.label, 'competitor', round(v.competitor, 2)], ['value', v.label, 'quadrant', v.quadrant ?? '']);
  }
  if (report.comparison) for (const key of ['better', 'same', 'worse'] as const) rows.push(['competitor', report.competitorName ?? 'competitor', key, round(report.comparison[key], 3)]);
  for (const s of report.standards) rows.push(['standard', s.text, 'compliance', round(s.compliance, 3)]);
  for (const s of report.staff) rows.push(['staff', s.name, 'served', String(s.delivered)], ['staff', s.name, 'responses', String(s.responses)], ['staff', s.name, 'quality', round(s.quality)], ['staff', s.name, 'ranked', String(s.ranked)]);
  const c = report.complaints;
  rows.push(
    ['complaints', 'all', 'opened', String(c.opened)],
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

export function toCsv(rows: string[][]): string {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [['section', 'item', 'measure', 'value'], ...rows].map((row) => row.map(cell).join(',')).join('\n');
}
