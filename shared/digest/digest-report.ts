import type { HeadlineKind } from '../questionnaires/questionnaire-schema.ts';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { TComplaint } from '../complaints/complaint-store.ts';
import type { BusinessCalendar } from '../complaints/business-calendar.ts';
import { complaintFigures, type ComplaintFigures, type PeriodBounds } from './period-complaints.ts';
import { count } from './digest-format.ts';
import { periodLabel } from './period.ts';
import { comparisonShares, headlineChange, headlineScore, responseRate, staffTable, standardsCompliance, valueTable, type Change, type StaffRow, type ValueRow } from './measures.ts';
import type { Rollup } from './rollup.ts';
import { parseSegmentKey, segmentKey, type Segment } from '../platform/table/keys.ts';
import { periodCost } from './price-table.ts';

/** A digest's segment, with the name it is shown by. */
export type DigestScope = Segment & { name: string };

export interface DigestReport {
  questionnaireId: string;
  period: string;
  scope: DigestScope;
  headlineKind: HeadlineKind;
  score: number | null;
  responses: number;
  delivered: number;
  responseRate: number | null;
  vsPrevious: Change & { period: string };
  vsBenchmark: (Change & { period: string }) | null;
  values: Array<ValueRow & { label: string }>;
  comparison: ReturnType<typeof comparisonShares>;
  competitorName?: string;
  standards: Array<{ id: string; text: string; compliance: number; n: number }>;
  staff: Array<StaffRow & { name: string }>;
  complaints: ComplaintFigures;
  comments: Array<{ score: number; text: string; staffName?: string }>;
  cost: ReturnType<typeof periodCost>;
  headline: string;
}

export interface DigestInput {
  readonly questionnaire: TQuestionnaire;
  readonly period: string;
  readonly scope: DigestScope;
  /** The period's rollups: every segment. */
  readonly rollups: readonly Rollup[];
  readonly previous: { period: string; rollups: readonly Rollup[] };
  readonly benchmark: { period: string; rollups: readonly Rollup[] } | null;
  /**
   * Complaints that may bear on the period (any questionnaire, any scope): the report counts
   * those of its questionnaire and scope by the period's bounds.
   */
  readonly complaints: readonly TComplaint[];
  readonly bounds: PeriodBounds;
  readonly calendar: BusinessCalendar;
  /** Staff directory: email → name, and email → department. */
  readonly staffNames: ReadonlyMap<string, string>;
  readonly staffDepartments: ReadonlyMap<string, string>;
  readonly now: Date;
}

/** Everything one digest says, computed from rollups only. Undefined when the scope had no responses. */
export function buildDigestReport(input: DigestInput): DigestReport | undefined {
  const { questionnaire: q, scope } = input;
  const segment = segmentKey(scope);
  const current = input.rollups.find((r) => r.segment === segment);
  if (!current || current.responses === 0) return undefined;
  const company = input.rollups.find((r) => r.segment === segmentKey({ kind: 'company' })) ?? current;
  const staffInScope = input.rollups.filter((r) => {
    const member = parseSegmentKey(r.segment);
    if (member?.kind !== 'staff') return false;
    const email = member.email;
    return scope.kind === 'company' || (scope.kind === 'department' ? input.staffDepartments.get(email) === scope.id : email === scope.email);
  });
  const staff = staffTable(staffInScope, company).map((row) => ({ ...row, name: input.staffNames.get(row.email) ?? row.email }));
  const previous = input.previous.rollups.find((r) => r.segment === segment);
  const benchmark = input.benchmark && input.benchmark.period !== input.period ? input.benchmark.rollups.find((r) => r.segment === segment) : undefined;
  const score = headlineScore(current);
  const vsPrevious = { ...headlineChange(previous, current), period: input.previous.period };
  const complaints = complaintFigures(input.complaints, { questionnaireId: q.id, scope, bounds: input.bounds, calendar: input.calendar, now: input.now });
  const label = q.headline.kind === 'nps' ? 'NPS' : 'CSAT';
  const caveat = vsPrevious.verdict === 'too few responses' ? ' (too few responses to tell)' : vsPrevious.significant ? '' : ' (not significant)';
  const trend = vsPrevious.delta === null ? '' : `, ${vsPrevious.delta >= 0 ? 'up' : 'down'} ${Math.abs(Math.round(vsPrevious.delta))} on last period${caveat}`;

  return {
    questionnaireId: q.id,
    period: input.period,
    scope,
    headlineKind: q.headline.kind,
    score,
    responses: current.responses,
    delivered: current.delivered,
    responseRate: responseRate(current),
    vsPrevious,
    vsBenchmark: benchmark && input.benchmark ? { ...headlineChange(benchmark, current), period: input.benchmark.period } : null,
    values: valueTable(current, q.values.map((v) => v.id)).map((row) => ({ ...row, label: localized(q, q.values.find((v) => v.id === row.id)!.label, q.languages[0]!) })),
    comparison: comparisonShares(current),
    ...(q.mainCompetitor ? { competitorName: q.mainCompetitor.name } : {}),
    standards: standardsCompliance(current).map((s) => ({ ...s, text: localized(q, q.standards.find((x) => x.id === s.id)?.text ?? { en: s.id }, q.languages[0]!) })),
    staff,
    complaints,
    comments: current.comments.map((c) => ({ score: c.score, text: c.text, ...(c.staffEmail ? { staffName: input.staffNames.get(c.staffEmail) ?? c.staffEmail } : {}) })),
    cost: periodCost(current.delivered, current.responses),
    headline: `${scope.name}, ${periodLabel(input.period)}: ${label} ${score === null ? '–' : Math.round(score)} from ${count(current.responses, 'response')}${trend}; ${count(complaints.openAtEnd, 'complaint')} open${input.now.toISOString() < input.bounds.end ? '' : ' at the end of the period'}.`,
  };
}
