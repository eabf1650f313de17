import { z } from 'zod';
import { HEADLINE_SCALES, type TQuestionnaire } from './questionnaire-schema.ts';

/** A headline score as it arrives in a query string or form field: a whole number on the questionnaire's scale. */
export function ZScoreField(questionnaire: TQuestionnaire) {
  const { min, max } = HEADLINE_SCALES[questionnaire.headline.kind];
  return z
    .string({ error: 'choose a score' })
    .regex(/^\d{1,2}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`));
}
