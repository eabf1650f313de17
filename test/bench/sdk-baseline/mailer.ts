import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';

/** Sends one raw MIME message; returns SES's message id. */
export interface Mailer {
  sendRaw(raw: Buffer): Promise<{ messageId: string }>;
}

/**
 * The product's mailer as a typical CDK user writes it, with the AWS SDK v3 SES client
 * (benchmark baseline only). SES through `SendRawEmail`. Throttling ("Maximum sending rate exceeded") is retried by
 * the SDK's adaptive retry mode: exponential backoff with jitter plus a client-side rate
 * limiter that slows down after a throttle, up to `maxAttempts` tries in all.
 */
export function sesMailer(options: { configurationSet?: string; endpoint?: string; maxAttempts?: number } = {}): Mailer {
  const client = new SESClient({
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 6,
    ...(options.endpoint
      ? { endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  return {
    async sendRaw(raw) {
      const { MessageId } = await client.send(
        new SendRawEmailCommand({ RawMessage: { Data: raw }, ConfigurationSetName: options.configurationSet }),
      );
      return { messageId: MessageId ?? 'unknown' };
    },
  };
}

/** True for SES errors that will fail the same way on every retry. */
export function isPermanentSendError(error: unknown): boolean {
  return error instanceof Error && ['MessageRejected', 'MailFromDomainNotVerifiedException', 'InvalidParameterValue'].includes(error.name);
}
