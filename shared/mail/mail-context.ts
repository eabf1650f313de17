import type { Table } from '../storage/table-client.ts';
import type { TQuestionnaire } from '../questionnaire/questionnaire-schema.ts';
import type { Mailer } from './mailer.ts';
import type { RenderedEmail } from './invitation-email.tsx';
import { buildMime } from './mime.ts';

/** What every job that emails needs: the sender, the table, the questionnaires and a clock. */
export interface MailContext {
  readonly table: Table;
  readonly mailer: Mailer;
  readonly questionnaires: readonly TQuestionnaire[];
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
