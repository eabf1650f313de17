import { SENDER_MAX_CONCURRENCY } from '../invitations/send-rate.ts';

/**
 * How the stack's SES rate (`sesSendRatePerSecond`) is shared between the three kinds of mail,
 * so that together they never exceed it, retries included: invitations take most of it;
 * complaint notifications and digests keep a tenth each, so a wave of invitations never delays
 * a complaint's escalation and a digest run never throttles a wave.
 */
export const MAIL_SHARES = { invitations: 0.8, complaints: 0.1, digests: 0.1 } as const;
export type MailKind = keyof typeof MAIL_SHARES;

/** How many instances of each mailing function can run at once; each paces itself to its part. */
export const MAILER_INSTANCES: Readonly<Record<MailKind, number>> = {
  invitations: SENDER_MAX_CONCURRENCY,
  complaints: 2,
  // One scheduled run at a time: manager and staff digests are scheduled apart.
  digests: 1,
};

/** Messages per second one instance of `kind`'s function may send. */
export function sendsPerSecondPerInstance(ratePerSecond: number, kind: MailKind): number {
  return (ratePerSecond * MAIL_SHARES[kind]) / MAILER_INSTANCES[kind];
}
