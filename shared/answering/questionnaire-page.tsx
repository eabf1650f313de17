import { Layout } from '../platform/web/layout.tsx';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { headlineScores, scaleLabels } from '../questionnaires/headline-scale.ts';
import { fieldNames } from '../questionnaires/answer-schema.ts';
import { FORM_SCRIPT_PATH } from './form-script.ts';

/** What the form shows: field name → value, as submitted or as stored. */
export type FormState = Record<string, string>;

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

function Scale(props: { name: string; options: Array<{ value: string; label: string }>; selected: string | undefined; describedBy?: string }) {
  return (
    <div class="scale">
      {props.options.map((option) => (
        <label>
          <input type="radio" name={props.name} value={option.value} checked={props.selected === option.value} aria-describedby={props.describedBy} />
          {option.label}
        </label>
      ))}
    </div>
  );
}

const ONE_TO_FIVE = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));

/**
 * The whole questionnaire as one server-rendered form: it works without JavaScript (probes
 * for low ratings appear on the next step) and with it (the small script reveals them at
 * once). Every question is a fieldset with a legend; every error is listed at the top with
 * a link to its question.
 */
export function QuestionnairePage(props: {
  questionnaire: TQuestionnaire;
  language: string;
  action: string;
  state: FormState;
  errors?: Record<string, string>;
  /** Values whose probe is shown now (rated low); the others are rendered hidden for the script. */
  probesVisible: ReadonlySet<string>;
  /** Shown above the form, e.g. "your score is saved" or "a few more questions". */
  note?: string;
}) {
  const { questionnaire: q, language, state } = props;
  const t = (text: Partial<Record<string, string>>) => localized(q, text, language);
  const errors = props.errors ?? {};
  const errorId = (field: string) => (errors[field] ? `err-${field}` : undefined);
  const FieldError = (p: { field: string }) =>
    errors[p.field] ? (
      <p class="err" id={`err-${p.field}`}>
        {errors[p.field]}
      </p>
    ) : null;
  const labels = scaleLabels(q);
  const competitor = q.mainCompetitor?.name;

  return (
    <Layout title={t(q.title)} lang={language} css={FORM_CSS} script={FORM_SCRIPT_PATH}>
      <h1>{t(q.title)}</h1>
      {Object.keys(errors).length > 0 && (
        <div class="summary" role="alert" aria-labelledby="summary-title">
          <h2 id="summary-title">Please check {Object.keys(errors).length === 1 ? 'one answer' : `${Object.keys(errors).length} answers`}</h2>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li>
                <a href={`#q-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.note && <p class="note">{props.note}</p>}
      <form method="post" action={props.action} novalidate>
        <fieldset id={`q-${fieldNames.headline}`}>
          <legend>{t(q.headline.text)}</legend>
          <FieldError field={fieldNames.headline} />
          <Scale name={fieldNames.headline} options={headlineScores(q).map((s) => ({ value: String(s), label: String(s) }))} selected={state[fieldNames.headline]} describedBy={errorId(fieldNames.headline)} />
          <p class="ends" aria-hidden="true">
            <span>{labels.low}</span>
            <span>{labels.high}</span>
          </p>
        </fieldset>

        {q.values.map((value) => {
          const importance = fieldNames.importance(value.id);
          const performance = fieldNames.performance(value.id);
          const rival = fieldNames.competitor(value.id);
          const probe = fieldNames.probe(value.id);
          return (
            <fieldset id={`q-${value.id}`}>
              <legend>{t(value.label)}</legend>
              <div class="row" role="group" aria-label={`${t(value.label)}: how important to you (1 = not at all, 5 = very)`} id={`q-${importance}`}>
                <span>How important is this to you? (1 = not at all, 5 = very)</span>
                <FieldError field={importance} />
                <Scale name={importance} options={ONE_TO_FIVE} selected={state[importance]} describedBy={errorId(importance)} />
              </div>
              <div class="row" role="group" aria-label={`${t(value.label)}: how well we did (1 = very poorly, 5 = very well)`} id={`q-${performance}`}>
                <span>How well did we do? (1 = very poorly, 5 = very well)</span>
                <FieldError field={performance} />
                <Scale name={performance} options={ONE_TO_FIVE} selected={state[performance]} describedBy={errorId(performance)} />
              </div>
              {competitor && (
                <div class="row" role="group" aria-label={`${t(value.label)}: how well ${competitor} does`} id={`q-${rival}`}>
                  <span>And how well does {competitor} do?</span>
                  <FieldError field={rival} />
                  <Scale name={rival} options={[...ONE_TO_FIVE, { value: 'dk', label: "Don't know" }]} selected={state[rival]} describedBy={errorId(rival)} />
                </div>
              )}
              {value.probe && (
                <div class="row" id={`q-${probe}`} data-probe-for={value.id} data-threshold={String(value.probe.whenPerformanceAtMost)} hidden={!props.probesVisible.has(value.id)}>
                  <label for={probe}>{t(value.probe.text)}</label>
                  <FieldError field={probe} />
                  <textarea id={probe} name={probe} maxlength={1000} aria-describedby={errorId(probe)}>
                    {state[probe] ?? ''}
                  </textarea>
                </div>
              )}
            </fieldset>
          );
        })}

        {q.competitorComparison && (
          <fieldset id={`q-${fieldNames.comparison}`}>
            <legend>{t(q.competitorComparison.text)}</legend>
            <FieldError field={fieldNames.comparison} />
            <Scale
              name={fieldNames.comparison}
              options={[
                { value: 'better', label: 'Better' },
                { value: 'same', label: 'The same' },
                { value: 'worse', label: 'Worse' },
                { value: 'dk', label: "Don't know" },
              ]}
              selected={state[fieldNames.comparison]}
              describedBy={errorId(fieldNames.comparison)}
            />
          </fieldset>
        )}

        {q.standards.map((standard) => {
          const field = fieldNames.standard(standard.id);
          return (
            <fieldset id={`q-${field}`}>
              <legend>{t(standard.text)}</legend>
              <FieldError field={field} />
              <Scale name={field} options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} selected={state[field]} describedBy={errorId(field)} />
            </fieldset>
          );
        })}

        <div class="q" id={`q-${fieldNames.comment}`}>
          <label class="q-title" for={fieldNames.comment}>
            {t(q.comment.text)}
          </label>
          <FieldError field={fieldNames.comment} />
          <textarea id={fieldNames.comment} name={fieldNames.comment} maxlength={q.comment.maxLength} aria-describedby={errorId(fieldNames.comment)}>
            {state[fieldNames.comment] ?? ''}
          </textarea>
        </div>

        <div class="q" id={`q-${fieldNames.complaint}`}>
          <p class="check">
            <input type="checkbox" id={fieldNames.complaint} name={fieldNames.complaint} value="yes" checked={state[fieldNames.complaint] === 'yes'} />
            <label for={fieldNames.complaint}>{t(q.complaintOption.text)}</label>
          </p>
        </div>

        {props.probesVisible.size > 0 && <input type="hidden" name={fieldNames.probesShown} value="1" />}
        <button type="submit">Send my answers</button>
      </form>
    </Layout>
  );
}

export function ThankYouPage(props: { businessName: string; complaint: boolean }) {
  return (
    <Layout title="Thank you">
      <h1>Thank you</h1>
      <p>Your answers have reached {props.businessName}. You can change them from the same link until this questionnaire closes.</p>
      {props.complaint && <p>Someone responsible will contact you about your complaint soon.</p>}
    </Layout>
  );
}
