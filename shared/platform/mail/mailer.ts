import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { awsClientConfig, CALL_BUDGETS, type AwsConnection, type CallBudget } from '../aws-clients.ts';
import { createPacer } from './pacer.ts';

/** Sends one raw MIME message; returns SES's message id. */
export interface Mailer {
  sendRaw(raw: Buffer): Promise<{ messageId: string }>;
}

/**
 * The request reached SES (or may have) and no answer came back: SES may have taken the
 * message. Named so that the SDK's retry strategy does not know it and never retries it.
 */
export class SendOutcomeUnknownError extends Error {
  override readonly name = 'SendOutcomeUnknown';
}

// Failures that happen before a byte of the request leaves: nothing can have been sent.
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when the error proves SES did not take the message: SES answered with an error
 * (throttling, a refusal, its own 5xx) or no connection was ever made. A timeout or a connection dropped
 * after the request was written proves nothing.
 */
export function provesNotSent(error: unknown): boolean {
  const failure = error as { $metadata?: { httpStatusCode?: number }; code?: string; name?: string; message?: string };
  // A 2xx whose body did not parse is not proof: SES may well have said yes.
  if ((failure.$metadata?.httpStatusCode ?? 0) >= 300) return true;
  // The SDK's node handler names a connection that never came up a TimeoutError, with no code.
  const neverConnected = failure.name === 'TimeoutError' && /did not establish a connection/.test(failure.message ?? '');
  return neverConnected || NOT_CONNECTED_CODES.has(failure.code ?? '');
}

/**
 * SES through `SendRawEmail` on the AWS SDK. At most one email per call: the SDK's standard
 * retries cover throttling ("Maximum sending rate exceeded") and errors that prove SES did
 * not take the message, but a middleware inside the retry loop turns every other failure into
 * {@link SendOutcomeUnknownError}, which the retry strategy does not retry (SES has no
 * idempotency key, so a retry after a lost answer is a second email).
 */
export function sesMailer(options: { configurationSet?: string; connection?: AwsConnection; budget?: CallBudget; sendsPerSecond?: number } = {}): Mailer {
  const client = new SESClient(awsClientConfig(options.connection ?? {}, options.budget ?? CALL_BUDGETS.admin));
  if (options.sendsPerSecond !== undefined) {
    // Inside the retry loop and after signing, right before the request goes out: every attempt,
    // a retry after throttling included, waits its turn, and no time spent building or signing
    // it (the first request's set-up is the longest) can bunch two sends into one second at SES.
    const pacer = createPacer(options.sendsPerSecond);
    client.middlewareStack.add(
      <A, R>(next: (args: A) => Promise<R>) => async (args: A) => {
        await pacer.take();
        return next(args);
      },
      { step: 'deserialize', priority: 'low', name: 'sendRatePacing' },
    );
  }
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (provesNotSent(error)) throw error;
        throw new SendOutcomeUnknownError(`no answer from SES: ${(error as Error).message}`);
      }
    },
    { step: 'deserialize', name: 'unknownSendOutcome', priority: 'high' },
  );
  return {
    async sendRaw(raw) {
      const { MessageId } = await client.send(new SendRawEmailCommand({ RawMessage: { Data: raw }, ConfigurationSetName: options.configurationSet }));
      return { messageId: MessageId ?? 'unknown' };
    },
  };
}

/** True for SES errors that will fail the same way on every retry of this message. */
export function isPermanentSendError(error: unknown): boolean {
  return error instanceof Error && PERMANENT_SEND_ERRORS.has(error.name) && !isSendingBlocked(error);
}

/**
 * True when SES refuses because of the account or the sender, not the message: an identity
 * not verified (or a recipient outside the sandbox), sending paused, or no permission. Every
 * other invitation would fail the same way until someone fixes it, and then each should go.
 */
export function isSendingBlocked(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (BLOCKING_ERRORS.has(error.name)) return true;
  return error.name === 'MessageRejected' && /not verified|sandbox/i.test(error.message);
}

const BLOCKING_ERRORS = new Set(['MailFromDomainNotVerifiedException', 'AccountSendingPausedException', 'ConfigurationSetSendingPausedException', 'ConfigurationSetDoesNotExistException', 'AccessDenied', 'AccessDeniedException']);

const PERMANENT_SEND_ERRORS = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'ConfigurationSetDoesNotExistException', 'AccountSendingPausedException', 'ConfigurationSetSendingPausedException', 'InvalidParameterValue']);

/** True when the send may have reached SES: the message must be treated as perhaps sent. */
export function isUnknownSendOutcome(error: unknown): boolean {
  return error instanceof SendOutcomeUnknownError;
}
