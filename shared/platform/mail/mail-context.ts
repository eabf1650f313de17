import { openTable, type Table } from '../table/table-client.ts';
import type { CallBudget } from '../aws-clients.ts';
import { sesMailer, type Mailer } from './mailer.ts';
import { buildMime, type RenderedEmail } from './mime.ts';
import type { EmailBrand } from './email-frame.tsx';
import { brandOf, type TBrandSetting } from '../brand/brand.ts';

/** What every job that emails needs: the sender, the table and a clock. */
export interface MailContext {
  readonly table: Table;
  readonly mailer: Mailer;
  readonly businessName: string;
  readonly senderAddress: string;
  readonly now: () => Date;
  /** The logo and colour emails carry; the business name alone when absent. */
  readonly brand?: EmailBrand | undefined;
  /** Where customers' replies go (config `branding.replyTo`); managers' emails do not set it. */
  readonly replyTo?: string | undefined;
}

/** What a job that puts signed links in its emails needs besides. */
export interface LinkContext {
  readonly publicBaseUrl: string;
  readonly linkSecret: () => Promise<string>;
}

/** The raw message, from the business's sender address. */
export function composeEmail(ctx: Pick<MailContext, 'businessName' | 'senderAddress'>, email: RenderedEmail, to: string, options: { unsubscribeUrl?: string | undefined; replyTo?: string | undefined } = {}): Promise<Buffer> {
  return buildMime({ ...email, from: `${ctx.businessName} <${ctx.senderAddress}>`, to, ...(options.unsubscribeUrl ? { unsubscribeUrl: options.unsubscribeUrl } : {}), ...(options.replyTo ? { replyTo: options.replyTo } : {}) });
}

/** A Lambda's mail context from its settings: the table and SES with the function's call budget. */
export function mailContextFrom(env: { tableName: string; callBudget: CallBudget; sesConfigurationSet: string; businessName: string; senderAddress: string; mailSendsPerSecond: number; branding: TBrandSetting; publicBaseUrl: string }): MailContext {
  return {
    brand: brandOf(env.branding, env.businessName, env.publicBaseUrl),
    ...(env.branding.replyTo ? { replyTo: env.branding.replyTo } : {}),
    table: openTable(env.tableName, {}, env.callBudget),
    mailer: sesMailer({ configurationSet: env.sesConfigurationSet, budget: env.callBudget, sendsPerSecond: env.mailSendsPerSecond }),
    businessName: env.businessName,
    senderAddress: env.senderAddress,
    now: () => new Date(),
  };
}
