import type { RenderedEmail } from '../platform/mail/mime.ts';
import { EmailFrame, emailDocument } from '../platform/mail/email-frame.tsx';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { headlineScores, scaleLabels } from '../questionnaires/headline-scale.ts';
import { anonymityNotice } from '../questionnaires/anonymity-notice.ts';

export interface InvitationEmailInput {
  readonly questionnaire: TQuestionnaire;
  readonly businessName: string;
  readonly recipientName: string;
  readonly language: string;
  /** One URL per headline score, in `headlineScores` order. */
  readonly scoreUrl: (score: number) => string;
  readonly unsubscribeUrl: string;
  /** The one follow-up to someone who has not answered yet. @default false */
  readonly reminder?: boolean;
}

/**
 * The invitation: the headline question answerable with one click per score, in plain text
 * and inline-styled HTML tables (what mail clients render reliably), with a visible
 * unsubscribe link. Every customer-supplied string is escaped by hono/jsx.
 */
export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const { questionnaire, language } = input;
  const question = localized(questionnaire, questionnaire.headline.text, language);
  const title = localized(questionnaire, questionnaire.title, language);
  const scores = headlineScores(questionnaire);
  const labels = scaleLabels(questionnaire);
  const subject = `${input.reminder ? 'Reminder — ' : ''}${input.businessName}: ${title}`;
  const intro = input.reminder ? 'A few days ago we asked for your view. If you have a minute, one click is enough:' : undefined;
  const notice = anonymityNotice(questionnaire);

  const text = [
    `Dear ${input.recipientName},`,
    '',
    ...(intro ? [intro, ''] : []),
    question,
    `(${scores[0]} = ${labels.low}, ${scores.at(-1)} = ${labels.high})`,
    '',
    ...scores.map((score) => `${score}: ${input.scoreUrl(score)}`),
    '',
    'It takes a minute, and every answer is read.',
    '',
    ...(notice ? [notice, ''] : []),
    `${input.businessName}`,
    '',
    `Unsubscribe from these questionnaires: ${input.unsubscribeUrl}`,
  ].join('\n');

  const cell = 'padding:0 2px';
  const link =
    'display:inline-block;min-width:28px;padding:8px 4px;border:1px solid #0b5cad;border-radius:4px;color:#0b5cad;text-decoration:none;font:bold 15px Arial,sans-serif;text-align:center';
  const html = (
    <EmailFrame title={subject} lang={language} width={560} fontSize={15}>
              <p>Dear {input.recipientName},</p>
              {intro && <p>{intro}</p>}
              <p style="font-size:17px;font-weight:bold">{question}</p>
              <table role="presentation" cellpadding="0" cellspacing="0">
                <tr>
                  {scores.map((score) => (
                    <td style={cell}>
                      <a href={input.scoreUrl(score)} style={link} aria-label={`${score}`}>
                        {score}
                      </a>
                    </td>
                  ))}
                </tr>
              </table>
              <p style="font-size:13px;color:#555">
                {scores[0]} = {labels.low}, {scores.at(-1)} = {labels.high}
              </p>
              <p>It takes a minute, and every answer is read.</p>
              {notice && <p style="font-size:13px;color:#333">{notice}</p>}
              <p>{input.businessName}</p>
              <p style="font-size:12px;color:#555">
                <a href={input.unsubscribeUrl} style="color:#555">
                  Unsubscribe from these questionnaires
                </a>
              </p>
    </EmailFrame>
  );
  return { subject, text, html: emailDocument(html) };
}
