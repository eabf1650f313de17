import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics as CloudWatch Embedded Metric Format, built by Powertools' Metrics: one
 * JSON log line per data point, which CloudWatch turns into a metric without an API call (no
 * latency, no extra permission). Namespace `FeedbackPipeline`, dimension `service`: the function.
 */
export type MetricName = 'InvitationsSent' | 'SendFailures' | 'SendingBlocked' | 'ResponsesRecorded' | 'ComplaintsOpened' | 'SlaBreaches' | 'Bounces' | 'Complaints' | 'EventsPublished' | 'WebhooksDelivered' | 'WebhookFailures' | 'WebhooksDisabled';

export const METRIC_NAMESPACE = 'FeedbackPipeline';

type Sink = (line: string) => void;
let sink: Sink = (line) => process.stdout.write(`${line}\n`);
let metrics: Metrics | undefined;

/** Where metric lines go: stdout in Lambda (CloudWatch Logs), a collector in tests, nowhere at a terminal. Returns the sink it replaces. */
export function setMetricsSink(next: Sink): Sink {
  const previous = sink;
  sink = next;
  return previous;
}

/** Emits one data point at once: a function that times out later loses nothing already counted. */
export function recordMetric(name: MetricName, value = 1): void {
  metrics ??= new Metrics({ namespace: METRIC_NAMESPACE, serviceName: process.env['AWS_LAMBDA_FUNCTION_NAME'] ?? 'local' });
  metrics.addMetric(name, MetricUnit.Count, value);
  const line = JSON.stringify(metrics.serializeMetrics());
  metrics.clearMetrics();
  sink(line);
}
