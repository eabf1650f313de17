import type { RenderedEmail } from '../platform/mail/mime.ts';
import { EmailFrame, emailDocument, type EmailBrand } from '../platform/mail/email-frame.tsx';
import { textsIn } from '../platform/language/languages.ts';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { headlineScores, scaleLabels } from '../questionnaires/headline-scale.ts';
import { anonymityNotice } from '../questionnaires/anonymity-notice.ts';
import { INVITATION_TEXT, type InteractionFacts } from './invitation-text.ts';
import { ScoreRow } from './score-buttons.tsx';

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
  /** What is known of the service asked about; no line when nothing is. */
  readonly interaction?: InteractionFacts | undefined;
  /** The business's logo and colour; the name alone when absent. */
  readonly brand?: EmailBrand | undefined;
}

function hasFacts(facts: InteractionFacts | undefined): facts is InteractionFacts {
  return Boolean(facts && (facts.service || facts.staffName || facts.date));
}

/**
 * The invitation: the headline question answerable with one click per score, in plain text
 * and inline-styled HTML tables (what mail clients render reliably), with a visible
 * unsubscribe link. Every word is in the recipient's language; every customer-supplied
 * string is escaped by hono/jsx.
 */
export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const { questionnaire, language } = input;
  const t = textsIn(INVITATION_TEXT, language);
  const question = localized(questionnaire, questionnaire.headline.text, language);
  const title = localized(questionnaire, questionnaire.title, language);
  const scores = headlineScores(questionnaire);
  const labels = scaleLabels(questionnaire, language);
  const subject = (input.reminder ? t.reminderSubject : t.subject)(input.businessName, title);
  const intro = input.reminder ? t.reminderIntro : undefined;
  const about = hasFacts(input.interaction) ? t.about(input.interaction) : undefined;
  const anonymous = questionnaire.anonymous ? t.anonymousHeadline : undefined;
  const notice = questionnaire.anonymous ? anonymityNotice(questionnaire, language) : undefined;
  const endOf = (score: number) => (score === scores[0] ? labels.low : score === scores.at(-1) ? labels.high : undefined);

  const text = [
    t.greeting(input.recipientName),
    '',
    ...(intro ? [intro, ''] : []),
    ...(about ? [about, ''] : []),
    ...(anonymous ? [anonymous, ''] : []),
    question,
    `(${scores[0]} = ${labels.low}, ${scores.at(-1)} = ${labels.high})`,
    '',
    ...scores.map((score) => `${score}: ${input.scoreUrl(score)}`),
    '',
    t.takesAMinute,
    '',
    ...(notice ? [notice, ''] : []),
    `${input.businessName}`,
    '',
    t.unsubscribeText(input.unsubscribeUrl),
  ].join('\n');

  const html = (
    <EmailFrame title={subject} preheader={anonymous ? `${anonymous} ${question}` : `${question} ${t.oneClick}`} lang={language} fontSize={15} brand={input.brand ?? { name: input.businessName }}>
      <p>{t.greeting(input.recipientName)}</p>
      {intro && <p>{intro}</p>}
      {about && <p>{about}</p>}
      {anonymous && <p style="padding:8px 10px;background:#eef4fb;border-left:4px solid #4a5059;font-weight:bold">{anonymous}</p>}
      <h1 style="font-size:18px;line-height:1.3;margin:16px 0 12px">{question}</h1>
      <ScoreRow scores={scores} url={input.scoreUrl} low={labels.low} high={labels.high} labelOf={(score) => t.scoreLabel(score, endOf(score))} />
      <p>{t.takesAMinute}</p>
      {notice && <p style="font-size:13px;color:#333">{notice}</p>}
      <p>{input.businessName}</p>
      <p style="font-size:12px;color:#4a5059">
        <a href={input.unsubscribeUrl} style="color:#4a5059">
          {t.unsubscribe}
        </a>
      </p>
    </EmailFrame>
  );
  return { subject, text, html: emailDocument(html) };
}
