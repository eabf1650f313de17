import { Layout } from '../platform/web/layout.tsx';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { fieldNames } from '../questionnaires/answer-schema.ts';
import { FORM_SCRIPT_PATH } from './form-script.ts';
import { CommentQuestion, ComparisonQuestion, ComplaintOption, HeadlineQuestion, StandardQuestion, ValueQuestion, type FormState, type QuestionContext } from './questionnaire-questions.tsx';
import { ANONYMOUS_COMPLAINT_THANKS, anonymityNotice } from '../questionnaires/anonymity-notice.ts';

export type { FormState } from './questionnaire-questions.tsx';

const FORM_CSS = `
form>fieldset,.q{border:0;border-top:1px solid #d5d9de;margin:0;padding:1rem 0}
legend,.q-title{font-weight:600;padding:0;margin-bottom:.5rem}
.scale{display:flex;flex-wrap:wrap;gap:.3rem;margin:.25rem 0}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.6rem;padding:.35rem .2rem;border:1px solid #0b5cad;border-radius:.3rem;background:#fff;font-size:.95rem}
.scale input{margin:0 0 .2rem}
.row{margin:.5rem 0}.row>span{display:block;font-size:.92rem;color:#333}
.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#444;margin:0}
textarea{width:100%;box-sizing:border-box;font:inherit;min-height:5rem;padding:.5rem;border:1px solid #6b7280;border-radius:.3rem}
.err{color:#a30000;font-weight:600}
.summary{border:2px solid #a30000;padding:.5rem 1rem;background:#fff}
.note{background:#e8f1fb;padding:.75rem 1rem;border-radius:.3rem}
.check{display:flex;gap:.5rem;align-items:flex-start}
[hidden]{display:none!important}
`;

function ErrorSummary(props: { errors: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="summary" role="alert" aria-labelledby="summary-title">
      <h2 id="summary-title">Please check {entries.length === 1 ? 'one answer' : `${entries.length} answers`}</h2>
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

/**
 * The whole questionnaire as one server-rendered form: it works without JavaScript (probes
 * for low ratings appear on the next step) and with it (the small script reveals them at
 * once). Every question is a fieldset with a legend; every error is listed at the top with
 * a link to its question.
 */
export function QuestionnairePage(props: {
  questionnaire: TQuestionnaire;
  /** The values this link asks about (the rotation's share of them). */
  values: TQuestionnaire['values'];
  language: string;
  action: string;
  state: FormState;
  errors?: Record<string, string>;
  /** Values whose probe is shown now (rated low); the others are rendered hidden for the script. */
  probesVisible: ReadonlySet<string>;
  /** Shown above the form, e.g. "your score is saved" or "a few more questions". */
  note?: string;
  /** The score clicked in the email, for the page's script to confirm once a person is there. */
  oneClick?: number;
}) {
  const { questionnaire: q, language } = props;
  const form: QuestionContext = { t: (text) => localized(q, text, language), state: props.state, errors: props.errors ?? {} };
  return (
    <Layout title={form.t(q.title)} lang={language} css={FORM_CSS} script={FORM_SCRIPT_PATH}>
      <h1>{form.t(q.title)}</h1>
      {anonymityNotice(q) && <p>{anonymityNotice(q)}</p>}
      <ErrorSummary errors={form.errors} />
      {props.note && <p class="note">{props.note}</p>}
      {props.oneClick !== undefined && (
        <noscript>
          <p class="note">To save your score, press “Send my answers” at the end.</p>
        </noscript>
      )}
      <form method="post" action={props.action} novalidate data-one-click={props.oneClick === undefined ? undefined : String(props.oneClick)}>
        <HeadlineQuestion questionnaire={q} form={form} />
        {props.values.map((value) => (
          <ValueQuestion form={form} value={value} competitor={q.mainCompetitor?.name} probeVisible={props.probesVisible.has(value.id)} />
        ))}
        <ComparisonQuestion questionnaire={q} form={form} />
        {q.standards.map((standard) => (
          <StandardQuestion form={form} standard={standard} />
        ))}
        <CommentQuestion questionnaire={q} form={form} />
        <ComplaintOption questionnaire={q} form={form} />
        {props.probesVisible.size > 0 && <input type="hidden" name={fieldNames.probesShown} value="1" />}
        <button type="submit">Send my answers</button>
      </form>
    </Layout>
  );
}

export function ThankYouPage(props: { businessName: string; complaint: boolean; anonymous?: boolean }) {
  return (
    <Layout title="Thank you">
      <h1>Thank you</h1>
      <p>Your answers have reached {props.businessName}. You can change them from the same link until this questionnaire closes.</p>
      {props.complaint && <p>{props.anonymous ? ANONYMOUS_COMPLAINT_THANKS : 'Someone responsible will contact you about your complaint soon.'}</p>}
    </Layout>
  );
}
