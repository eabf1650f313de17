import type { TComplaint } from '../complaints/complaint-store.ts';
import { businessHoursBetween, type BusinessCalendar } from '../complaints/business-calendar.ts';
import { percentile } from '../complaints/handling-times.ts';
import type { Segment } from '../platform/table/keys.ts';

/** A report's period as ISO times: from `start` (included) to `end` (excluded). */
export interface PeriodBounds {
  readonly start: string;
  readonly end: string;
}

export interface OpenComplaint {
  customer: string;
  /** Its state at the end of the period (or now, for the current period). */
  state: 'open' | 'acknowledged';
  owner: string;
  deadline: string;
  overdue: boolean;
}

/** The complaint figures of one scope and period. Every count belongs to the period by its own date. */
export interface ComplaintFigures {
  /** Opened during the period. */
  opened: number;
  /** Resolved during the period, whenever they were opened. */
  resolved: number;
  /** Opened before the period ended and not resolved by then. */
  openAtEnd: number;
  /** Business hours from opening to acknowledgement / resolution, of those acknowledged / resolved in the period. */
  hoursToAcknowledge: { median: number | null; p90: number | null };
  hoursToResolve: { median: number | null; p90: number | null };
  /** Share of those resolved in the period that met both deadlines (null when none was resolved). */
  withinSlaShare: number | null;
  /** Open at the end of the period and past the deadline for their state then. */
  openPastSla: number;
  open: OpenComplaint[];
}

/**
 * The one rule by which the digest and `feedback report` count complaints for a period and
 * scope: each complaint counts by the dates of its own events, and "open" is judged at the
 * period's end (or now, while the period is still running), not at the time the report runs.
 */
export function complaintFigures(
  complaints: readonly TComplaint[],
  filter: { questionnaireId: string; scope: Segment; bounds: PeriodBounds; calendar: BusinessCalendar; now: Date },
): ComplaintFigures {
  const { start, end } = filter.bounds;
  const scope = filter.scope;
  const inScope = (c: TComplaint) =>
    c.questionnaireId === filter.questionnaireId &&
    (scope.kind === 'company' || (scope.kind === 'department' ? c.departmentId === scope.id : c.staffEmail === scope.email));
  const within = (at: string | undefined): at is string => at !== undefined && at >= start && at < end;
  const asOf = filter.now.toISOString() < end ? filter.now.toISOString() : end;
  const hours = (from: string, to: string) => Math.round(businessHoursBetween(new Date(from), new Date(to), filter.calendar) * 10) / 10;

  const mine = complaints.filter(inScope);
  const acknowledged = mine.filter((c) => within(c.acknowledgedAt));
  const resolved = mine.filter((c) => within(c.resolvedAt));
  const toAcknowledge = acknowledged.map((c) => hours(c.createdAt, c.acknowledgedAt!));
  const toResolve = resolved.map((c) => hours(c.createdAt, c.resolvedAt!));
  const open = mine
    .filter((c) => c.createdAt < asOf && !(c.resolvedAt !== undefined && c.resolvedAt < asOf))
    .map((c): OpenComplaint => {
      const state = c.acknowledgedAt !== undefined && c.acknowledgedAt < asOf ? 'acknowledged' : 'open';
      const deadline = state === 'open' ? c.acknowledgeBy : c.resolveBy;
      return { customer: c.customer?.name ?? 'Anonymous', state, owner: c.ownerEmail, deadline, overdue: asOf > deadline };
    });
  return {
    opened: mine.filter((c) => within(c.createdAt)).length,
    resolved: resolved.length,
    openAtEnd: open.length,
    hoursToAcknowledge: { median: percentile(toAcknowledge, 50), p90: percentile(toAcknowledge, 90) },
    hoursToResolve: { median: percentile(toResolve, 50), p90: percentile(toResolve, 90) },
    withinSlaShare: resolved.length ? resolved.filter((c) => c.acknowledgedAt! <= c.acknowledgeBy && c.resolvedAt! <= c.resolveBy).length / resolved.length : null,
    openPastSla: open.filter((c) => c.overdue).length,
    open,
  };
}
