import { Layout } from './layout.tsx';
import { localized, type TQuestionnaire } from '../questionnaire/questionnaire-schema.ts';
import { headlineScores, scaleLabels } from '../questionnaire/headline-scale.ts';

const SCALE_CSS = `
fieldset{border:0;padding:0;margin:0 0 1rem}
legend{font-weight:600;margin-bottom:.5rem}
.scale{display:flex;flex-wrap:wrap;gap:.35rem}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.5rem;padding:.4rem;border:1px solid #0b5cad;border-radius:.3rem;background:#fff}
.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#444}
.error{color:#a30000;font-weight:600}
`;

/**
 * The headline question as a form. Opening it records nothing (mail scanners open every
 * link); the score from the email link is pre-selected and one button press stores it.
 */
export function HeadlineAnswerPage(props: {
  questionnaire: TQuestionnaire;
  language: string;
  action: string;
  selected?: number;
  error?: string;
}) {
  const { questionnaire, language } = props;
  const labels = scaleLabels(questionnaire);
  return (
    <Layout title={localized(questionnaire, questionnaire.title, language)} lang={language} css={SCALE_CSS}>
      <h1>{localized(questionnaire, questionnaire.title, language)}</h1>
      <form method="post" action={props.action}>
        <fieldset aria-describedby={props.error ? 'score-error' : undefined}>
          <legend>{localized(questionnaire, questionnaire.headline.text, language)}</legend>
          {props.error && (
            <p class="error" id="score-error">
              {props.error}
            </p>
          )}
          <div class="scale">
            {headlineScores(questionnaire).map((score) => (
              <label>
                <input type="radio" name="score" value={String(score)} checked={props.selected === score} required />
                {score}
              </label>
            ))}
          </div>
          <p class="ends">
            <span>{labels.low}</span>
            <span>{labels.high}</span>
          </p>
        </fieldset>
        <button type="submit">Send my answer</button>
      </form>
    </Layout>
  );
}

export function ThankYouPage(props: { businessName: string }) {
  return (
    <Layout title="Thank you">
      <h1>Thank you</h1>
      <p>Your answer has reached {props.businessName}. You can change it from the same link until this questionnaire closes.</p>
    </Layout>
  );
}
