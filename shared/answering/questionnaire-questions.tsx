import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { headlineScores, scaleLabels } from '../questionnaires/headline-scale.ts';
import { fieldNames } from '../questionnaires/answer-schema.ts';

/** What the form shows: field name → value, as submitted or as stored. */
export type FormState = Record<string, string>;

/** What every question needs: its wording in the page's language, the answers so far, and the errors. */
export interface QuestionContext {
  readonly t: (text: Partial<Record<string, string>>) => string;
  readonly state: FormState;
  readonly errors: Record<string, string>;
}

type Option = { value: string; label: string };
type Value = TQuestionnaire['values'][number];

const ONE_TO_FIVE: Option[] = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));
const COMPETITOR_RATINGS: Option[] = [...ONE_TO_FIVE, { value: 'dk', label: "Don't know" }];
const COMPARISONS: Option[] = [
  { value: 'better', label: 'Better' },
  { value: 'same', label: 'The same' },
  { value: 'worse', label: 'Worse' },
  { value: 'dk', label: "Don't know" },
];
const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

function Scale(props: { name: string; options: Option[]; selected: string | undefined; describedBy?: string }) {
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
function FieldScale(props: { form: QuestionContext; field: string; options: Option[] }) {
  return <Scale name={props.field} options={props.options} selected={props.form.state[props.field]} describedBy={errorId(props.form, props.field)} />;
}

export function HeadlineQuestion(props: { questionnaire: TQuestionnaire; form: QuestionContext }) {
  const { questionnaire: q, form } = props;
  const labels = scaleLabels(q);
  return (
    <fieldset id={`q-${fieldNames.headline}`}>
      <legend>{form.t(q.headline.text)}</legend>
      <FieldError form={form} field={fieldNames.headline} />
      <FieldScale form={form} field={fieldNames.headline} options={headlineScores(q).map((s) => ({ value: String(s), label: String(s) }))} />
      <p class="ends" aria-hidden="true">
        <span>{labels.low}</span>
        <span>{labels.high}</span>
      </p>
    </fieldset>
  );
}

/** Labelled with the value too: the visible prompt alone does not say which value it rates. */
function RatingRow(props: { form: QuestionContext; field: string; label: string; prompt: string; options: Option[] }) {
  return (
    <div class="row" role="group" aria-label={props.label} id={`q-${props.field}`}>
      <span>{props.prompt}</span>
      <FieldError form={props.form} field={props.field} />
      <FieldScale form={props.form} field={props.field} options={props.options} />
    </div>
  );
}

/** Rendered even when hidden, so the script can reveal it as soon as the rating is low. */
function ProbeRow(props: { form: QuestionContext; valueId: string; probe: NonNullable<Value['probe']>; visible: boolean }) {
  const { form, probe } = props;
  const field = fieldNames.probe(props.valueId);
  return (
    <div class="row" id={`q-${field}`} data-probe-for={props.valueId} data-threshold={String(probe.whenPerformanceAtMost)} hidden={!props.visible}>
      <label for={field}>{form.t(probe.text)}</label>
      <FieldError form={form} field={field} />
      <textarea id={field} name={field} maxlength={1000} aria-describedby={errorId(form, field)}>
        {form.state[field] ?? ''}
      </textarea>
    </div>
  );
}

export function ValueQuestion(props: { form: QuestionContext; value: Value; competitor: string | undefined; probeVisible: boolean }) {
  const { form, value, competitor } = props;
  const label = form.t(value.label);
  return (
    <fieldset id={`q-${value.id}`}>
      <legend>{label}</legend>
      <RatingRow form={form} field={fieldNames.importance(value.id)} label={`${label}: how important to you (1 = not at all, 5 = very)`} prompt="How important is this to you? (1 = not at all, 5 = very)" options={ONE_TO_FIVE} />
      <RatingRow form={form} field={fieldNames.performance(value.id)} label={`${label}: how well we did (1 = very poorly, 5 = very well)`} prompt="How well did we do? (1 = very poorly, 5 = very well)" options={ONE_TO_FIVE} />
      {competitor && <RatingRow form={form} field={fieldNames.competitor(value.id)} label={`${label}: how well ${competitor} does`} prompt={`And how well does ${competitor} do?`} options={COMPETITOR_RATINGS} />}
      {value.probe && <ProbeRow form={form} valueId={value.id} probe={value.probe} visible={props.probeVisible} />}
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
      <FieldScale form={props.form} field={fieldNames.comparison} options={COMPARISONS} />
    </fieldset>
  );
}

export function StandardQuestion(props: { form: QuestionContext; standard: TQuestionnaire['standards'][number] }) {
  const field = fieldNames.standard(props.standard.id);
  return (
    <fieldset id={`q-${field}`}>
      <legend>{props.form.t(props.standard.text)}</legend>
      <FieldError form={props.form} field={field} />
      <FieldScale form={props.form} field={field} options={YES_NO} />
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
