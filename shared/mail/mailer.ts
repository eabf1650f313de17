import { SES_V2, type AwsJsonClient } from '../aws/aws-json-client.ts';
import { connectAws } from '../aws/connect.ts';

/** Sends one raw MIME message; returns SES's message id. */
export interface Mailer {
  sendRaw(raw: Buffer): Promise<{ messageId: string }>;
}

/**
 * SES through API v2's `SendEmail` with raw content, on the project's lean client (the SES
 * SDK client alone was ~400 KB of each mailing function). Throttling ("Maximum sending rate
 * exceeded", 429) is retried with jittered exponential backoff, up to `maxAttempts` tries in
 * all; the sender's pacer keeps under the rate in the first place.
 */
export function sesMailer(options: { configurationSet?: string; endpoint?: string; maxAttempts?: number; client?: AwsJsonClient } = {}): Mailer {
  const client = options.client ?? connectAws(SES_V2, { endpoint: options.endpoint, maxAttempts: options.maxAttempts ?? 6 });
  return {
    async sendRaw(raw) {
      const { MessageId } = await client.call<{ MessageId?: string }>('SendEmail', {
        Content: { Raw: { Data: raw.toString('base64') } },
        ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
      });
      return { messageId: MessageId ?? 'unknown' };
    },
  };
}

/** True for SES errors that will fail the same way on every retry. */
export function isPermanentSendError(error: unknown): boolean {
  return error instanceof Error && PERMANENT_SEND_ERRORS.has(error.name);
}

// API v2's names, and API v1's for the same refusals.
const PERMANENT_SEND_ERRORS = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'BadRequestException', 'NotFoundException', 'AccountSuspendedException', 'InvalidParameterValue']);
