/**
 * How many sender instances may run at once (the SQS event source's maximum concurrency).
 * Each paces itself to rate / this, so together they stay under the SES send rate.
 */
export const SENDER_MAX_CONCURRENCY = 2;
