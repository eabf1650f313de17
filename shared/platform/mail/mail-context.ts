import type { Table } from '../table/table-client.ts';
import type { Mailer } from './mailer.ts';
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
