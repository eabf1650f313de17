import type { TComplaint } from './complaint-store.ts';
import { businessHoursBetween, type BusinessCalendar } from './business-calendar.ts';

export interface HandlingSummary {
  opened: number;
  acknowledged: number;
  resolved: number;
  /** Business hours from opening to acknowledgement / resolution; null when none yet. */
  hoursToAcknowledge: { median: number | null; p90: number | null };
  hoursToResolve: { median: number | null; p90: number | null };
  /** Share of resolved complaints acknowledged and resolved by their deadlines (null when none resolved). */
  withinSlaShare: number | null;
  /** Still unresolved and past the deadline for their state. */
  openPastSla: number;
}

/** The p-th percentile (0–100) by the nearest-rank method, or null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Counts, median and 90th-percentile handling times, and SLA compliance, for the digest. */
export function summarizeHandling(complaints: readonly TComplaint[], calendar: BusinessCalendar, now: Date): HandlingSummary {
  const hours = (from: string, to: string) => Math.round(businessHoursBetween(new Date(from), new Date(to), calendar) * 10) / 10;
  const acknowledged = complaints.filter((c) => c.acknowledgedAt);
  const resolved = complaints.filter((c) => c.resolvedAt);
  const toAcknowledge = acknowledged.map((c) => hours(c.createdAt, c.acknowledgedAt!));
  const toResolve = resolved.map((c) => hours(c.createdAt, c.resolvedAt!));
  const withinSla = resolved.filter((c) => c.acknowledgedAt! <= c.acknowledgeBy && c.resolvedAt! <= c.resolveBy).length;
  const iso = now.toISOString();
  return {
    opened: complaints.length,
    acknowledged: acknowledged.length,
    resolved: resolved.length,
    hoursToAcknowledge: { median: percentile(toAcknowledge, 50), p90: percentile(toAcknowledge, 90) },
    hoursToResolve: { median: percentile(toResolve, 50), p90: percentile(toResolve, 90) },
    withinSlaShare: resolved.length ? withinSla / resolved.length : null,
    openPastSla: complaints.filter((c) => (c.state === 'open' && iso > c.acknowledgeBy) || (c.state === 'acknowledged' && iso > c.resolveBy)).length,
  };
}
