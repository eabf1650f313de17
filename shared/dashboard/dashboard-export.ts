import type { Context } from 'hono';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import { csvText } from '../platform/csv/csv-text.ts';
import { LIST_SHARDS } from '../platform/table/table-design.ts';
import { waveResponses, type TResponse } from '../answering/response-store.ts';
import { waveAttributions } from '../invitations/invitation-store.ts';
import { counts } from '../digest/rollup.ts';
import { reportRows, toCsv } from '../digest/report-rows.ts';
import { reportable } from '../digest/small-groups.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { DashboardFacts } from './dashboard-data.ts';
import { scopeCoversComplaint, type DashboardScope } from './dashboard-scope.ts';

/**
 * The dashboard's downloads. `figures.csv` is this period's report for the view, in the CSV
 * `feedback report` writes (from rollups, like every page). `responses.csv` is the one read
 * of raw responses on the dashboard, on request only: the period's counted responses in the
 * view, never with an email, link id or response id; for anonymous questionnaires without
 * the staff member and with the day only, and a department only where it had enough respondents
 * to be reported apart.
 */
export async function exportResponse(c: Context<AppEnv>, table: Table, facts: DashboardFacts, name: 'figures.csv' | 'responses.csv', scope: DashboardScope): Promise<Response> {
  const period = facts.periods.at(-1)!;
  const text = name === 'figures.csv' ? toCsv(facts.report ? reportRows(facts.report) : []) : await responsesCsv(table, facts.questionnaire, period, facts, scope);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${facts.questionnaire.id}-${period}-${name}"`);
  return c.body(`${text}\r\n`);
}

async function responsesCsv(table: Table, q: TQuestionnaire, period: string, facts: DashboardFacts, scope: DashboardScope): Promise<string> {
  const attribution = new Map<string, { staffEmail?: string; departmentId?: string }>();
  const responses: TResponse[] = [];
  await Promise.all(
    Array.from({ length: LIST_SHARDS }, async (_, shard) => {
      if (!q.anonymous) for await (const { linkId, sent: _sent, ...who } of waveAttributions(table, q.id, period, shard)) attribution.set(linkId, who);
      for await (const stored of waveResponses(table, q.id, period, shard)) responses.push(stored);
    }),
  );
  const counted = responses.map((r) => ({ ...r, ...(r.linkId && !q.anonymous ? attribution.get(r.linkId) : {}) })).filter(counts);
  const perDepartment = new Map<string, number>();
  for (const r of counted) if (r.departmentId) perDepartment.set(r.departmentId, (perDepartment.get(r.departmentId) ?? 0) + 1);
  const shownDepartment = (id: string | undefined) => (id && (!q.anonymous || reportable(perDepartment.get(id) ?? 0, q.minimumGroupSize)) ? id : undefined);
  const attributed = (r: (typeof counted)[number]) => ({ departmentId: shownDepartment(r.departmentId) ?? null, staffEmail: r.staffEmail ?? null });
  const rows = counted
    .filter((r) => scopeCoversComplaint(scope, attributed(r)) && scopeCoversComplaint(facts.view, attributed(r)))
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    .map((r) => [
      q.anonymous ? r.answeredAt.slice(0, 10) : r.answeredAt,
      shownDepartment(r.departmentId) ?? '',
      q.anonymous ? '' : (r.staffEmail ?? ''),
      r.headlineScore,
      ...q.values.flatMap((v) => {
        const rating = r.answers?.values[v.id];
        return [rating?.importance ?? '', rating?.performance ?? '', rating?.competitor ?? ''];
      }),
      ...q.standards.map((s) => (r.answers?.standards[s.id] === undefined ? '' : r.answers.standards[s.id] ? 'yes' : 'no')),
      r.answers?.comparison ?? '',
      r.answers?.comment ?? '',
    ]);
  const header = [
    q.anonymous ? 'answered on' : 'answered at',
    'department',
    'staff',
    q.headline.kind,
    ...q.values.flatMap((v) => [`${v.id} importance`, `${v.id} performance`, `${v.id} competitor`]),
    ...q.standards.map((s) => `${s.id} met`),
    'comparison',
    'comment',
  ];
  return csvText(header, rows);
}
