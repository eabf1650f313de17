import type { Table } from '../platform/table/table-client.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { BusinessCalendar } from '../complaints/business-calendar.ts';
import { listComplaints } from '../complaints/complaint-store.ts';
import { listStaff } from '../people/directory-store.ts';
import { benchmarkWaveOf } from '../invitations/wave-store.ts';
import { aggregatePeriod } from './aggregate-period.ts';
import { readRollups } from './digest-store.ts';
import { buildDigestReport, type DigestInput, type DigestReport, type DigestScope } from './digest-report.ts';
import { periodBounds, previousPeriod } from './period.ts';

/** Everything a weekly report needs except its scope: read once, then built for each scope. */
export type PeriodFacts = Omit<DigestInput, 'scope'>;

/**
 * Reads a week's facts for one questionnaire: its rollups (aggregated afresh with
 * `aggregate: 'always'`, as the digest does; only when there are none with `'if-missing'`),
 * the previous week's and the benchmark's, every complaint that may bear on the week, and
 * the staff directory. The digest and `feedback report` both read through here and build with
 * {@link reportForScope}, so for the same week they show the same figures.
 */
export async function readPeriodFacts(
  table: Table,
  questionnaire: TQuestionnaire,
  period: string,
  context: { calendar: BusinessCalendar; now: Date; aggregate: 'always' | 'if-missing' },
): Promise<PeriodFacts> {
  let rollups = context.aggregate === 'always' ? [] : await readRollups(table, questionnaire.id, period);
  if (rollups.length === 0) rollups = (await aggregatePeriod(table, questionnaire, period)).rollups;
  const bounds = periodBounds(period);
  const staff = await listStaff(table);
  const benchmarkPeriod = await benchmarkWaveOf(table, questionnaire.id);
  return {
    questionnaire,
    period,
    bounds,
    rollups,
    previous: { period: previousPeriod(period), rollups: await readRollups(table, questionnaire.id, previousPeriod(period)) },
    benchmark: benchmarkPeriod ? { period: benchmarkPeriod, rollups: await readRollups(table, questionnaire.id, benchmarkPeriod) } : null,
    // Open ones, and those closed since the week began: all that were opened, resolved or open in it.
    complaints: await listComplaints(table, { closedSince: new Date(bounds.start), now: context.now }),
    calendar: context.calendar,
    staffNames: new Map(staff.map((s) => [s.email, s.name])),
    staffDepartments: new Map(staff.map((s) => [s.email, s.departmentId])),
    now: context.now,
  };
}

/** The report of one scope from a period's facts; undefined when the scope had no responses. */
export function reportForScope(facts: PeriodFacts, scope: DigestScope): DigestReport | undefined {
  return buildDigestReport({ ...facts, scope });
}
