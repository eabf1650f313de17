import { setMetricsSink } from '../../shared/platform/observability/metrics.ts';

/** Metric lines from every test go here instead of stdout; tests that check metrics read it. */
export const emittedMetrics: Array<Record<string, unknown>> = [];
setMetricsSink((line) => emittedMetrics.push(JSON.parse(line) as Record<string, unknown>));

export function metricTotal(name: string): number {
  return emittedMetrics.reduce((sum, m) => sum + (typeof m[name] === 'number' ? (m[name] as number) : 0), 0);
}
