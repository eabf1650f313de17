/**
 * Business metrics as CloudWatch Embedded Metric Format: one JSON log line per data point,
 * which CloudWatch turns into a metric without an API call (so no latency and no extra
 * permission). Namespace `FeedbackPipeline`, one dimension: the function.
 */
export type MetricName = 'InvitationsSent' | 'SendFailures' | 'ResponsesRecorded' | 'ComplaintsOpened' | 'SlaBreaches' | 'Bounces' | 'Complaints';

export const METRIC_NAMESPACE = 'FeedbackPipeline';

type Sink = (line: string) => void;
let sink: Sink = (line) => process.stdout.write(`${line}\n`);

/** Where metric lines go: stdout in Lambda (CloudWatch Logs), a collector in tests. */
export function setMetricsSink(next: Sink): void {
  sink = next;
}

export function recordMetric(name: MetricName, value = 1, now = Date.now()): void {
  const fn = process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'local';
  sink(
    JSON.stringify({
      _aws: { Timestamp: now, CloudWatchMetrics: [{ Namespace: METRIC_NAMESPACE, Dimensions: [['function']], Metrics: [{ Name: name, Unit: 'Count' }] }] },
      function: fn,
      [name]: value,
    }),
  );
}
