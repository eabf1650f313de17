import { openTable, type Table } from '../table/table-client.ts';
import type { CallBudget } from '../aws-clients.ts';
import { sesMailer, type Mailer } from './mailer.ts';
import { buildMime, type RenderedEmail } from './mime.ts';

/** What every job that emails needs: the sender, the table and a clock. */
export interface MailContext {
  readonly table: Table;
  readonly mailer: Mailer;
  readonly businessName: string;
  readonly senderAddress: string;
  readonly now: () => Date;
}

/** What a job that puts signed links in its emails needs besides. */
export interface LinkContext {
  readonly publicBaseUrl: string;
  readonly linkSecret: () => Promise<string>;
}

/** The raw message, from the business's sender address. */
export function composeEmail(ctx: Pick<MailContext, 'businessName' | 'senderAddress'>, email: RenderedEmail, to: string, unsubscribeUrl?: string): Promise<Buffer> {
  return buildMime({ ...email, from: `${ctx.businessName} <${ctx.senderAddress}>`, to, ...(unsubscribeUrl ? { unsubscribeUrl } : {}) });
}

/** A Lambda's mail context from its settings: the table and SES with the function's call budget. */
export function mailContextFrom(env: { tableName: string; callBudget: CallBudget; sesConfigurationSet: string; businessName: string; senderAddress: string; mailSendsPerSecond: number }): MailContext {
  return {
    table: openTable(env.tableName, {}, env.callBudget),
    mailer: sesMailer({ configurationSet: env.sesConfigurationSet, budget: env.callBudget, sendsPerSecond: env.mailSendsPerSecond }),
    businessName: env.businessName,
    senderAddress: env.senderAddress,
    now: () => new Date(),
  };
}
