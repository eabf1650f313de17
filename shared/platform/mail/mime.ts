import MailComposer from 'nodemailer/lib/mail-composer';

/** An email as rendered by a feature: subject, plain text and HTML. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface MimeInput extends RenderedEmail {
  readonly from: string;
  readonly to: string;
  /** RFC 8058 one-click unsubscribe URL for this recipient. */
  readonly unsubscribeUrl?: string;
}

/**
 * Builds the raw MIME message (multipart/alternative, text then HTML) with nodemailer's
 * composer, which folds and encodes headers: names and subjects with CR/LF cannot inject
 * headers through it.
 */
export async function buildMime(input: MimeInput): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (input.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${input.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    text: input.text,
    html: input.html,
    headers,
  })
    .compile()
    .build();
}
