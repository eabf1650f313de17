import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { headlineScores, scaleLabels } from '../questionnaires/headline-scale.ts';
import { fieldNames } from '../questionnaires/answer-schema.ts';
import type { AnsweringText } from './answering-text.ts';

/** What the form shows: field name → value, as submitted or as stored. */
export type FormState = Record<string, string>;

/** What every question needs: its wording in the page's language, the answers so far, and the errors. */
export interface QuestionContext {
  readonly t: (text: Partial<Record<string, string>>) => string;
  /** The page's own wording, in the page's language. */
  readonly text: AnsweringText;
  readonly language: string;
  readonly state: FormState;
  readonly errors: Record<string, string>;
}

type Option = { value: string; label: string };
type Value = TQuestionnaire['values'][number];

const ONE_TO_FIVE: Option[] = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));
const competitorRatings = (text: AnsweringText): Option[] => [...ONE_TO_FIVE, { value: 'dk', label: text.dontKnow }];
const comparisons = (text: AnsweringText): Option[] => [
  { value: 'better', label: text.comparisons.better },
  { value: 'same', label: text.comparisons.same },
  { value: 'worse', label: text.comparisons.worse },
  { value: 'dk', label: text.dontKnow },
];
const yesNo = (text: AnsweringText): Option[] => [
  { value: 'yes', label: text.yes },
  { value: 'no', label: text.no },
];

function Scale(props: { name: string; options: Option[]; selected: string | undefined; describedBy?: string; kind?: string; lowAtMost?: number }) {
  return (
    <div class={props.kind ? `scale ${props.kind}` : 'scale'}>
      {props.options.map((option) => (
        <label>
          {/* data-low marks the ratings that reveal the value's probe (CSS :has, no script needed). */}
          <input type="radio" name={props.name} value={option.value} checked={props.selected === option.value} aria-describedby={props.describedBy} data-low={props.lowAtMost !== undefined && Number(option.value) <= props.lowAtMost ? '' : undefined} />
          {option.label}
        </label>
      ))}
    </div>
  );
}

const errorId = (form: QuestionContext, field: string) => (form.errors[field] ? `err-${field}` : undefined);

function FieldError(props: { form: QuestionContext; field: string }) {
  const message = props.form.errors[props.field];
  return message ? (
    <p class="err" id={`err-${props.field}`}>
      {message}
    </p>
  ) : null;
}

/** A field's scale, described by its error (when it has one) so screen readers read both together. */
function FieldScale(props: { form: QuestionContext; field: string; options: Option[]; kind?: string; lowAtMost?: number }) {
  return <Scale name={props.field} options={props.options} selected={props.form.state[props.field]} describedBy={errorId(props.form, props.field)} {...(props.kind ? { kind: props.kind } : {})} {...(props.lowAtMost !== undefined ? { lowAtMost: props.lowAtMost } : {})} />;
}

export function HeadlineQuestion(props: { questionnaire: TQuestionnaire; form: QuestionContext }) {
  const { questionnaire: q, form } = props;
  const labels = scaleLabels(q, form.language);
  const scores = headlineScores(q);
  return (
    <fieldset id={`q-${fieldNames.headline}`}>
      <legend>{form.t(q.headline.text)}</legend>
      <FieldError form={form} field={fieldNames.headline} />
      {/* One row whatever the width: as many equal columns as scores (CSS grid), the end labels under the ends. */}
      <FieldScale form={form} field={fieldNames.headline} kind={`headline of-${scores.length}`} options={scores.map((s) => ({ value: String(s), label: String(s) }))} />
      <p class="ends" aria-hidden="true">
        <span>{labels.low}</span>
        <span>{labels.high}</span>
      </p>
    </fieldset>
  );
}

/** Labelled with the value too: the visible prompt alone does not say which value it rates. */
function RatingRow(props: { form: QuestionContext; field: string; label: string; prompt: string; options: Option[]; lowAtMost?: number }) {
  return (
    <div class="row" role="group" aria-label={props.label} id={`q-${props.field}`}>
      <span>{props.prompt}</span>
      <FieldError form={props.form} field={props.field} />
      <FieldScale form={props.form} field={props.field} options={props.options} {...(props.lowAtMost !== undefined ? { lowAtMost: props.lowAtMost } : {})} />
    </div>
  );
}

/**
 * Beside the value it probes, shown by CSS as soon as a low performance rating is checked
 * (`.value:has([data-low]:checked) .probe`), with or without JavaScript: no second step. It
 * stays shown while it holds text, and browsers without :has show it always (it is optional).
 */
function ProbeRow(props: { form: QuestionContext; valueId: string; probe: NonNullable<Value['probe']> }) {
  const { form, probe } = props;
  const field = fieldNames.probe(props.valueId);
  return (
    <div class={form.state[field] ? 'row probe filled' : 'row probe'} id={`q-${field}`} data-probe-for={props.valueId}>
      <label for={field}>{form.t(probe.text)}</label>
      <span class="hint">{form.text.probeHint}</span>
      <FieldError form={form} field={field} />
      <textarea id={field} name={field} maxlength={1000} aria-describedby={errorId(form, field)}>
        {form.state[field] ?? ''}
      </textarea>
    </div>
  );
}

/** A value's ratings; the competitor's only when one is named, and by its name. */
export function ValueQuestion(props: { form: QuestionContext; value: Value; competitor: string | undefined }) {
  const { form, value, competitor } = props;
  const { text } = form;
  const label = form.t(value.label);
  return (
    <fieldset id={`q-${value.id}`} class="value">
      <legend>{label}</legend>
      <RatingRow form={form} field={fieldNames.importance(value.id)} label={text.importance.label(label)} prompt={text.importance.prompt} options={ONE_TO_FIVE} />
      <RatingRow form={form} field={fieldNames.performance(value.id)} label={text.performance.label(label)} prompt={text.performance.prompt} options={ONE_TO_FIVE} {...(value.probe ? { lowAtMost: value.probe.whenPerformanceAtMost } : {})} />
      {value.probe && <ProbeRow form={form} valueId={value.id} probe={value.probe} />}
      {competitor && <RatingRow form={form} field={fieldNames.competitor(value.id)} label={text.competitor.label(label, competitor)} prompt={text.competitor.prompt(competitor)} options={competitorRatings(text)} />}
    </fieldset>
  );
}

export function ComparisonQuestion(props: { questionnaire: TQuestionnaire; form: QuestionContext }) {
  const question = props.questionnaire.competitorComparison;
  if (!question) return null;
  return (
    <fieldset id={`q-${fieldNames.comparison}`}>
      <legend>{props.form.t(question.text)}</legend>
      <FieldError form={props.form} field={fieldNames.comparison} />
      <FieldScale form={props.form} field={fieldNames.comparison} options={comparisons(props.form.text)} />
    </fieldset>
  );
}

export function StandardQuestion(props: { form: QuestionContext; standard: TQuestionnaire['standards'][number] }) {
  const field = fieldNames.standard(props.standard.id);
  return (
    <fieldset id={`q-${field}`}>
      <legend>{props.form.t(props.standard.text)}</legend>
      <FieldError form={props.form} field={field} />
      <FieldScale form={props.form} field={field} options={yesNo(props.form.text)} />
    </fieldset>
  );
}

export function CommentQuestion(props: { questionnaire: TQuestionnaire; form: QuestionContext }) {
  const { questionnaire: q, form } = props;
  return (
    <div class="q" id={`q-${fieldNames.comment}`}>
      <label class="q-title" for={fieldNames.comment}>
        {form.t(q.comment.text)}
      </label>
      <FieldError form={form} field={fieldNames.comment} />
      <textarea id={fieldNames.comment} name={fieldNames.comment} maxlength={q.comment.maxLength} aria-describedby={errorId(form, fieldNames.comment)}>
        {form.state[fieldNames.comment] ?? ''}
      </textarea>
    </div>
  );
}

export function ComplaintOption(props: { questionnaire: TQuestionnaire; form: QuestionContext }) {
  return (
    <div class="q" id={`q-${fieldNames.complaint}`}>
      <p class="check">
        <input type="checkbox" id={fieldNames.complaint} name={fieldNames.complaint} value="yes" checked={props.form.state[fieldNames.complaint] === 'yes'} />
        <label for={fieldNames.complaint}>{props.form.t(props.questionnaire.complaintOption.text)}</label>
      </p>
    </div>
  );
}
