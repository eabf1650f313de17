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
  /** Where the recipient's reply goes, when not to the sender address. */
  readonly replyTo?: string;
}

// Bidi embeddings, overrides, isolates and marks: invisible, and able to make a name read as
// something else ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// C0 and C1 controls, DEL and the Unicode line separators: a header is one line of text.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Text as it may appear in a mail header: no control or bidi characters, one line, trimmed. */
export function headerText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Builds the raw MIME message (multipart/alternative, text then HTML) with nodemailer's
 * composer, which folds and encodes headers: names and subjects with CR/LF cannot inject
 * headers through it. Every header value it is given passes through {@link headerText} first,
 * so a customer's name cannot bring a control or bidi character into a subject or address.
 */
export async function buildMime(input: MimeInput): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (input.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${headerText(input.unsubscribeUrl)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return new MailComposer({
    from: headerText(input.from),
    to: headerText(input.to),
    subject: headerText(input.subject),
    ...(input.replyTo ? { replyTo: headerText(input.replyTo) } : {}),
    text: input.text,
    html: input.html,
    headers,
  })
    .compile()
    .build();
}
