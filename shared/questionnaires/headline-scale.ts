import { HEADLINE_SCALES, type TQuestionnaire } from './questionnaire-schema.ts';

/** The scores a headline question offers, lowest first: 0–10 for NPS, 1–5 for CSAT. */
export function headlineScores(questionnaire: TQuestionnaire): number[] {
  const { min, max } = HEADLINE_SCALES[questionnaire.headline.kind];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

export function scaleLabels(questionnaire: TQuestionnaire): { low: string; high: string } {
  return questionnaire.headline.kind === 'nps'
    ? { low: 'Not at all likely', high: 'Extremely likely' }
    : { low: 'Very dissatisfied', high: 'Very satisfied' };
}
