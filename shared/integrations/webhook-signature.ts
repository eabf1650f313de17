import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` */
  signature: 'x-feedback-signature',
  eventId: 'x-feedback-event-id',
  eventType: 'x-feedback-event-type',
} as const;

/** How far a signature's timestamp may be from the receiver's clock: a replay older than this is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * Whether `header` signs `body` with `secret`, at a time within the tolerance of `nowSeconds`.
 * Compared in constant time; the body must be the exact bytes received, before any JSON parsing.
 */
export function verifyWebhook(secret: string, header: string | null | undefined, body: string, nowSeconds: number): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(match[2]!, 'hex'), Buffer.from(hmac(secret, timestamp, body), 'hex'));
}
