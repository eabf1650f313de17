import type { Table } from '../platform/table/table-client.ts';
import { segmentKey, type Segment } from '../platform/table/keys.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { BusinessCalendar } from '../complaints/business-calendar.ts';
import { listComplaints, type TComplaint } from '../complaints/complaint-store.ts';
import { getDepartment, listStaff, type TStaffMember } from '../people/directory-store.ts';
import { benchmarkWaveOf } from '../invitations/wave-store.ts';
import { readRollups, readRollupsAt } from '../digest/digest-store.ts';
import { reportForScope, type PeriodFacts } from '../digest/period-report.ts';
import type { DigestReport, DigestScope } from '../digest/digest-report.ts';
import { lastCompletePeriod, periodBounds, periodStart, previousPeriod } from '../digest/period.ts';
import type { Rollup } from '../digest/rollup.ts';

/** How many weekly periods a trend shows. */
export const TREND_PERIODS = 12;

/** Everything a dashboard page shows for one segment, read from rollups and the complaint index only. */
export interface DashboardFacts {
  readonly questionnaire: TQuestionnaire;
  readonly view: DigestScope;
  /** Oldest first; the last is "this period" (the last whole week). */
  readonly periods: readonly string[];
  /** The view's rollup for each period, undefined where it had none. */
  readonly trend: ReadonlyArray<Rollup | undefined>;
  readonly benchmark: { period: string; rollup: Rollup | undefined } | null;
  /** This period's facts, as the digest builds its report from them. */
  readonly current: PeriodFacts;
  /** This period's report for the view (the digest's, figure for figure); undefined without responses. */
  readonly report: DigestReport | undefined;
  readonly complaints: readonly TComplaint[];
  readonly staff: readonly TStaffMember[];
}

/** The last `count` whole weeks before `now`, oldest first. */
export function trendPeriods(now: Date, timeZone: string, count = TREND_PERIODS): string[] {
  const periods = [lastCompletePeriod(now, timeZone)];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}

/**
 * Reads a dashboard's facts. Never aggregates and never reads a response: this period's
 * rollups (one Query, sized by the number of segments), the view's rollup for each earlier
 * period and the benchmark (by key), the complaint index, the staff directory and the
 * benchmark marker. So a page's read units stay flat however many responses there were.
 */
export async function readDashboardFacts(
  table: Table,
  questionnaire: TQuestionnaire,
  view: DigestScope,
  context: { now: Date; calendar: BusinessCalendar; staff?: readonly TStaffMember[] },
): Promise<DashboardFacts> {
  const periods = trendPeriods(context.now, context.calendar.timeZone);
  const current = periods.at(-1)!;
  const segment = segmentKey(view);
  const [currentRollups, earlier, benchmarkPeriod, staff, complaints] = await Promise.all([
    readRollups(table, questionnaire.id, current),
    readRollupsAt(table, questionnaire.id, periods.slice(0, -1).map((period) => ({ period, segment }))),
    benchmarkWaveOf(table, questionnaire.id),
    context.staff ?? listStaff(table),
    listComplaints(table, { closedSince: periodStart(periods[0]!), now: context.now }),
  ]);
  const trend = [...earlier, currentRollups.find((r) => r.segment === segment)];
  const at = benchmarkPeriod ? periods.indexOf(benchmarkPeriod) : -1;
  const benchmarkRollup = !benchmarkPeriod ? undefined : at >= 0 ? trend[at] : (await readRollupsAt(table, questionnaire.id, [{ period: benchmarkPeriod, segment }]))[0];
  const previous = trend.at(-2);
  const facts: PeriodFacts = {
    questionnaire,
    period: current,
    bounds: periodBounds(current),
    rollups: currentRollups,
    previous: { period: periods.at(-2)!, rollups: previous ? [previous] : [] },
    benchmark: benchmarkPeriod ? { period: benchmarkPeriod, rollups: benchmarkRollup ? [benchmarkRollup] : [] } : null,
    complaints,
    calendar: context.calendar,
    staffNames: new Map(staff.map((s) => [s.email, s.name])),
    staffDepartments: new Map(staff.map((s) => [s.email, s.departmentId])),
    now: context.now,
  };
  const shown = firstShownPeriod(trend);
  return {
    questionnaire,
    view,
    periods: periods.slice(shown),
    trend: trend.slice(shown),
    benchmark: benchmarkPeriod ? { period: benchmarkPeriod, rollup: benchmarkRollup } : null,
    current: facts,
    report: reportForScope(facts, view),
    complaints,
    staff,
  };
}

/** Fewest periods a trend shows, even when the data is younger: a line needs a few points to read as one. */
const MIN_SHOWN_PERIODS = 4;

/**
 * Where a trend starts: at its first period with data, so a young deployment's charts and
 * tables are not mostly empty columns (at least the last MIN_SHOWN_PERIODS periods).
 */
export function firstShownPeriod(trend: ReadonlyArray<unknown>): number {
  const first = trend.findIndex((rollup) => rollup !== undefined);
  return Math.min(first === -1 ? trend.length : first, Math.max(0, trend.length - MIN_SHOWN_PERIODS));
}

/** The view a segment names, with its name; undefined for a department or staff member the table does not know. */
export async function namedView(table: Table, segment: Segment, staff: readonly TStaffMember[], businessName: string): Promise<DigestScope | undefined> {
  if (segment.kind === 'company') return { kind: 'company', name: businessName };
  if (segment.kind === 'staff') {
    const member = staff.find((s) => s.email === segment.email.toLowerCase());
    return member && { kind: 'staff', email: member.email, name: member.name };
  }
  const department = await getDepartment(table, segment.id);
  return department && { kind: 'department', id: department.id, name: department.name };
}
