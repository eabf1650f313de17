import type { EventOf, TDomainEvent } from './domain-events.ts';

/** What a complaint's message links to: acknowledging it, and its page. */
export interface ComplaintLinks {
  readonly acknowledge: string;
  readonly open: string;
}

/** The weekly figure a digest's message leads with, when the rollups have it. */
export interface Headline {
  readonly kind: string;
  readonly score: number | null;
  readonly responses: number;
}

export interface ChatContext {
  readonly businessName: string;
  readonly complaintLinks?: ComplaintLinks;
  readonly headline?: Headline;
  /** A value's label by its id, as managers read it; the id when unknown. */
  readonly valueLabel?: (valueId: string) => string | undefined;
}

/** Slack and Teams cut long text; a comment is shortened well inside both limits (Slack: 3,000 per section). */
const COMMENT_LIMIT = 1_500;

/**
 * Slack's escaping for any text we did not write: `&`, `<` and `>` become entities, so a
 * comment cannot open a link, a user or channel mention (`<@U…>`, `<!channel>`) or a
 * formatting tag. Bare `@channel` is plain text in a message posted through a webhook.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function shorten(text: string): string {
  return text.length > COMMENT_LIMIT ? `${text.slice(0, COMMENT_LIMIT)}…` : text;
}

function scoreLine(event: EventOf<'ComplaintOpened'>, context: ChatContext): string {
  const score = event.headlineScore === null ? 'no score' : `score ${event.headlineScore}`;
  const low = event.lowValues.map((v) => `${context.valueLabel?.(v.valueId) ?? v.valueId} ${v.performance}/5`).join(', ');
  return low ? `${score}; rated low: ${low}` : score;
}

/**
 * The Slack message for an event (Block Kit, with `text` as the notification's fallback), or
 * undefined for an event a chat channel does not show.
 */
export function slackMessage(event: TDomainEvent, context: ChatContext): Record<string, unknown> | undefined {
  if (event.type === 'ComplaintOpened') {
    const where = event.departmentId ? ` in ${escapeSlack(event.departmentId)}` : '';
    const title = `New complaint${where}: ${escapeSlack(scoreLine(event, context))}`;
    const comment = event.comment ? `\n>${escapeSlack(shorten(event.comment)).replace(/\n/g, '\n>')}` : '';
    const blocks: Array<Record<string, unknown>> = [{ type: 'section', text: { type: 'mrkdwn', text: `*${title}*${comment}` } }];
    if (context.complaintLinks) {
      blocks.push({
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, style: 'primary', url: context.complaintLinks.acknowledge },
          { type: 'button', text: { type: 'plain_text', text: 'Open the complaint' }, url: context.complaintLinks.open },
        ],
      });
    }
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeSlack(context.businessName)} · acknowledge by ${event.acknowledgeBy}` }] });
    return { text: title, blocks };
  }
  if (event.type === 'DigestSent') {
    const text = escapeSlack(digestLine(event, context.headline));
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  return undefined;
}

/**
 * The Teams message for an event: an Adaptive Card in the message envelope Teams' incoming
 * webhooks take. Customer text goes in a TextRun, which Teams renders without markdown, so
 * a comment cannot format, link or mention.
 */
export function teamsMessage(event: TDomainEvent, context: ChatContext): Record<string, unknown> | undefined {
  let body: Array<Record<string, unknown>>;
  let actions: Array<Record<string, unknown>> = [];
  if (event.type === 'ComplaintOpened') {
    body = [
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `New complaint${event.departmentId ? ` in ${event.departmentId}` : ''}`, weight: 'Bolder', size: 'Medium' }] },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: scoreLine(event, context) }] },
      ...(event.comment ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: shorten(event.comment), italic: true }] }] : []),
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${context.businessName} · acknowledge by ${event.acknowledgeBy}`, isSubtle: true, size: 'Small' }] },
    ];
    if (context.complaintLinks) {
      actions = [
        { type: 'Action.OpenUrl', title: 'Acknowledge', url: context.complaintLinks.acknowledge },
        { type: 'Action.OpenUrl', title: 'Open the complaint', url: context.complaintLinks.open },
      ];
    }
  } else if (event.type === 'DigestSent') {
    body = [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: digestLine(event, context.headline) }] }];
  } else {
    return undefined;
  }
  const card = { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, ...(actions.length ? { actions } : {}) };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

function digestLine(event: EventOf<'DigestSent'>, headline: Headline | undefined): string {
  const scope = event.scope === 'department' && event.departmentId ? `${event.departmentId}` : 'the company';
  const figure = headline && headline.score !== null ? `: ${headline.kind.toUpperCase()} ${Math.round(headline.score)} from ${headline.responses} response${headline.responses === 1 ? '' : 's'}` : '';
  return `Weekly digest for ${scope}, ${event.period}${figure}`;
}

/** Whether a chat channel shows `event`: new complaints, and the digest of its own scope (the company's for a company-wide channel). */
export function chatShows(event: TDomainEvent, channelDepartmentId: string | undefined): boolean {
  if (event.type === 'ComplaintOpened') return channelDepartmentId === undefined || event.departmentId === channelDepartmentId;
  if (event.type === 'DigestSent') return channelDepartmentId === undefined ? event.scope === 'company' : event.scope === 'department' && event.departmentId === channelDepartmentId;
  return false;
}
