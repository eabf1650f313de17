import { HEADLINE_SCALES, type HeadlineKind, type TQuestionnaire } from './questionnaire-schema.ts';
import { textsIn, type Catalogue } from '../platform/language/languages.ts';

/** The scores a headline question offers, lowest first: 0–10 for NPS, 1–5 for CSAT. */
export function headlineScores(questionnaire: TQuestionnaire): number[] {
  const { min, max } = HEADLINE_SCALES[questionnaire.headline.kind];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The words under the two ends of each headline scale, in every language: the email's score row and the page's say the same. */
const SCALE_ENDS: Catalogue<Readonly<Record<HeadlineKind, { low: string; high: string }>>> = {
  en: { nps: { low: 'Not at all likely', high: 'Extremely likely' }, csat: { low: 'Very dissatisfied', high: 'Very satisfied' } },
  es: { nps: { low: 'Nada probable', high: 'Muy probable' }, csat: { low: 'Muy insatisfecho', high: 'Muy satisfecho' } },
};

export function scaleLabels(questionnaire: Pick<TQuestionnaire, 'headline'>, language: string): { low: string; high: string } {
  return textsIn(SCALE_ENDS, language)[questionnaire.headline.kind];
}
