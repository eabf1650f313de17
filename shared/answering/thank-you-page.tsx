import { Layout } from '../platform/web/layout.tsx';
import { supportedLanguage, textsIn } from '../platform/language/languages.ts';
import { anonymousComplaintThanks } from '../questionnaires/anonymity-notice.ts';
import { ANSWERING_TEXT } from './answering-text.ts';

/** What the thank-you page says about a complaint the customer asked for. */
export type ComplaintFollowUp =
  | { kind: 'anonymous' }
  /** Who (a role, never a personal address) will contact them, and by when, both worded for the page already. */
  | { kind: 'contact'; who: string; by: string }
  | { kind: 'soon' };

/**
 * The page after a submission: that the answers arrived and until when they can be changed,
 * a review link for promoters when one is configured, and for a complaint, who will be in
 * touch and by when (the complaint's acknowledgement deadline).
 */
export function ThankYouPage(props: { businessName: string; language: string; changeUntil?: string; complaint?: ComplaintFollowUp; reviewUrl?: string }) {
  const text = textsIn(ANSWERING_TEXT, props.language).thanks;
  return (
    <Layout title={text.title} lang={supportedLanguage(props.language)}>
      <h1>{text.title}</h1>
      <p>
        {text.reached(props.businessName)} {props.changeUntil ? text.changeUntil(props.changeUntil) : text.changeWhileOpen}
      </p>
      {props.complaint && (
        <p>{props.complaint.kind === 'anonymous' ? anonymousComplaintThanks(props.language) : props.complaint.kind === 'contact' ? text.contact(props.complaint.who, props.complaint.by) : text.contactSoon}</p>
      )}
      {props.reviewUrl && !props.complaint && (
        <p>
          {text.review.before} <a href={props.reviewUrl}>{text.review.link}</a>
        </p>
      )}
    </Layout>
  );
}
