import { Layout } from '../platform/web/layout.tsx';
import { textsIn } from '../platform/language/languages.ts';
import { languageFor, localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { FORM_SCRIPT_PATH } from './form-script.ts';
import { CommentQuestion, ComparisonQuestion, ComplaintOption, HeadlineQuestion, StandardQuestion, ValueQuestion, type FormState, type QuestionContext } from './questionnaire-questions.tsx';
import { anonymityNotice } from '../questionnaires/anonymity-notice.ts';
import { pageQuestionCount } from '../questionnaires/value-rotation.ts';
import { ANSWERING_TEXT } from './answering-text.ts';

export type { FormState } from './questionnaire-questions.tsx';
export { ThankYouPage } from './thank-you-page.tsx';

/** Seconds a person takes per question, on average, for "About n minutes" (a 0–10 click or a 1–5 rating is quick). */
const SECONDS_PER_QUESTION = 5;

const FORM_CSS = `
form>fieldset,.q{border:0;border-top:1px solid #d5d9de;margin:0;padding:1rem 0;min-width:0}
legend,.q-title{font-weight:600;padding:0;margin-bottom:.5rem}
.lead{color:#333;margin-top:-.5rem}
.scale{display:flex;flex-wrap:wrap;gap:.3rem;margin:.25rem 0}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.6rem;padding:.35rem .2rem;border:1px solid #0b5cad;border-radius:.3rem;background:#fff;font-size:.95rem;box-sizing:border-box}
.scale input{margin:0 0 .2rem}
.scale.headline{display:grid;gap:2px}
.scale.of-11{grid-template-columns:repeat(11,minmax(0,1fr))}
.scale.of-5{grid-template-columns:repeat(5,minmax(0,1fr))}
.scale.headline label{min-width:0;padding:.35rem 0}
.row{margin:.5rem 0}.row>span{display:block;font-size:.92rem;color:#333}
.probe{display:none;border-left:3px solid #0b5cad;padding-left:.6rem}
.value:has([data-low]:checked) .probe,.probe.filled{display:block}
@supports not selector(:has(a)){.probe{display:block}}
.hint{font-size:.85rem;color:#444}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:#444;margin:0}
.ends span:last-child{text-align:right}
textarea{width:100%;box-sizing:border-box;font:inherit;min-height:5rem;padding:.5rem;border:1px solid #6b7280;border-radius:.3rem}
.err{color:#a30000;font-weight:600}
.summary{border:2px solid #a30000;padding:.5rem 1rem;background:#fff}
.note{background:#e8f1fb;padding:.75rem 1rem;border-radius:.3rem}
.check{display:flex;gap:.5rem;align-items:flex-start}
[hidden]{display:none!important}
@media (max-width:22rem){main{padding-left:.75rem;padding-right:.75rem}}
`;

function ErrorSummary(props: { errors: Record<string, string>; heading: (count: number) => string }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="summary" role="alert" aria-labelledby="summary-title">
      <h2 id="summary-title">{props.heading(entries.length)}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#q-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Minutes the page takes, rounded, at least one. */
export function minutesFor(questionnaire: TQuestionnaire, shownValues: number): number {
  return Math.max(1, Math.round((pageQuestionCount(questionnaire, shownValues) * SECONDS_PER_QUESTION) / 60));
}

/**
 * The questionnaire as one server-rendered form, one step: it works without JavaScript, and a
 * probe for a low rating appears beside it (CSS). Every question is a fieldset with a legend;
 * every error is listed at the top with a link to its question.
 */
export function QuestionnairePage(props: {
  questionnaire: TQuestionnaire;
  /** The values this link asks about (the rotation's share of them). */
  values: TQuestionnaire['values'];
  language: string;
  action: string;
  state: FormState;
  errors?: Record<string, string>;
  /** Shown above the form, e.g. "your score is saved". */
  note?: string;
  /** The score clicked in the email, for the page's script to confirm once a person is there. */
  oneClick?: number;
}) {
  const { questionnaire: q } = props;
  // The page speaks the questionnaire's language nearest the contact's, its own wording included.
  const language = languageFor(q, props.language);
  const text = textsIn(ANSWERING_TEXT, language);
  const form: QuestionContext = { t: (wording) => localized(q, wording, language), text, language, state: props.state, errors: props.errors ?? {} };
  const notice = anonymityNotice(q, language);
  return (
    <Layout title={form.t(q.title)} lang={language} css={FORM_CSS} script={FORM_SCRIPT_PATH}>
      <h1>{form.t(q.title)}</h1>
      <p class="lead">{text.duration(minutesFor(q, props.values.length))}</p>
      {notice && <p>{notice}</p>}
      <ErrorSummary errors={form.errors} heading={text.checkAnswers} />
      {props.note && <p class="note">{props.note}</p>}
      {props.oneClick !== undefined && (
        <noscript>
          <p class="note">{text.noScriptSave}</p>
        </noscript>
      )}
      <form method="post" action={props.action} novalidate data-one-click={props.oneClick === undefined ? undefined : String(props.oneClick)}>
        <HeadlineQuestion questionnaire={q} form={form} />
        {props.values.map((value) => (
          <ValueQuestion form={form} value={value} competitor={q.mainCompetitor?.name} />
        ))}
        <ComparisonQuestion questionnaire={q} form={form} />
        {q.standards.map((standard) => (
          <StandardQuestion form={form} standard={standard} />
        ))}
        <CommentQuestion questionnaire={q} form={form} />
        <ComplaintOption questionnaire={q} form={form} />
        <button type="submit">{text.send}</button>
      </form>
    </Layout>
  );
}
