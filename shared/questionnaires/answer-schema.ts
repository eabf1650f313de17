import * as z from '../platform/validation/zod.ts';
import { HEADLINE_SCALES, type TQuestionnaire } from './questionnaire-schema.ts';

/** A headline score as it arrives in a query string or form field: a whole number on the questionnaire's scale. */
export function ZScoreField(questionnaire: TQuestionnaire) {
  const { min, max } = HEADLINE_SCALES[questionnaire.headline.kind];
  return z.pipe(
    z.pipe(z.string({ error: 'choose a score' }).check(z.regex(/^\d{1,2}$/, `must be a whole number from ${min} to ${max}`)), z.transform(Number)),
    z.number().check(z.minimum(min, `must be from ${min} to ${max}`), z.maximum(max, `must be from ${min} to ${max}`)),
  );
}

const ZRating = z.pipe(z.string().check(z.regex(/^[1-5]$/, 'must be a whole number from 1 to 5')), z.transform(Number));
const ZCompetitorRating = z.union([z.literal('dk'), ZRating], { error: 'must be 1 to 5 or "dk" (don\'t know)' });
const ZProbeText = z.string().check(z.trim(), z.maxLength(1000, 'must be at most 1,000 characters'));

export const COMPARISONS = ['better', 'same', 'worse', 'dk'] as const;

/**
 * Form field names, one per question. The page, the validation and the tests all take
 * names from here.
 */
export const fieldNames = {
  headline: 'score',
  importance: (valueId: string) => `importance-${valueId}`,
  performance: (valueId: string) => `performance-${valueId}`,
  competitor: (valueId: string) => `competitor-${valueId}`,
  probe: (valueId: string) => `probe-${valueId}`,
  standard: (standardId: string) => `standard-${standardId}`,
  comparison: 'comparison',
  comment: 'comment',
  complaint: 'complaint',
  /** Sent by pages from before probes appeared inline (they had a probe step); accepted and ignored. */
  probesShown: 'probes-shown',
} as const;

export interface TAnswers {
  headline: number;
  values: Record<string, { importance?: number; performance?: number; competitor?: number | 'dk' }>;
  probes: Record<string, string>;
  standards: Record<string, boolean>;
  comparison?: (typeof COMPARISONS)[number];
  comment?: string;
  complaintRequested: boolean;
}

type Values = TQuestionnaire['values'];

/**
 * The schema of a submitted form, derived from the questionnaire definition and the values
 * this link asks (`shown`, every value by default): every field is named after a question
 * shown, unknown fields (a value the link did not ask included) are refused by name, and only
 * the headline is required (customers may skip the rest).
 */
export function answerFormSchema(questionnaire: TQuestionnaire, shown: Values = questionnaire.values) {
  const shape: Record<string, z.ZodMiniType> = { [fieldNames.headline]: ZScoreField(questionnaire) };
  for (const value of shown) {
    shape[fieldNames.importance(value.id)] = z.optional(ZRating);
    shape[fieldNames.performance(value.id)] = z.optional(ZRating);
    if (questionnaire.mainCompetitor) shape[fieldNames.competitor(value.id)] = z.optional(ZCompetitorRating);
    if (value.probe) shape[fieldNames.probe(value.id)] = z.optional(ZProbeText);
  }
  for (const standard of questionnaire.standards) shape[fieldNames.standard(standard.id)] = z.optional(z.enum(['yes', 'no'], 'must be "yes" or "no"'));
  if (questionnaire.competitorComparison) shape[fieldNames.comparison] = z.optional(z.enum(COMPARISONS, 'must be better, same, worse or dk'));
  shape[fieldNames.comment] = z.optional(z.string().check(z.trim(), z.maxLength(questionnaire.comment.maxLength, `must be at most ${questionnaire.comment.maxLength.toLocaleString('en')} characters`)));
  shape[fieldNames.complaint] = z.optional(z.literal('yes', 'must be "yes" when ticked'));
  // A marker from pages served before probes appeared inline, not an answer.
  shape[fieldNames.probesShown] = z.optional(z.string().check(z.maxLength(10)));

  return z.pipe(
    z.strictObject(shape),
    z.transform((form: Record<string, unknown>): TAnswers => {
      const text = (key: string) => (typeof form[key] === 'string' && form[key] !== '' ? (form[key] as string) : undefined);
      const values: TAnswers['values'] = {};
      const probes: TAnswers['probes'] = {};
      for (const value of shown) {
        const entry = {
          ...(form[fieldNames.importance(value.id)] !== undefined ? { importance: form[fieldNames.importance(value.id)] as number } : {}),
          ...(form[fieldNames.performance(value.id)] !== undefined ? { performance: form[fieldNames.performance(value.id)] as number } : {}),
          ...(form[fieldNames.competitor(value.id)] !== undefined ? { competitor: form[fieldNames.competitor(value.id)] as number | 'dk' } : {}),
        };
        if (Object.keys(entry).length > 0) values[value.id] = entry;
        const probe = text(fieldNames.probe(value.id));
        if (probe) probes[value.id] = probe;
      }
      const standards: TAnswers['standards'] = {};
      for (const standard of questionnaire.standards) {
        const answer = form[fieldNames.standard(standard.id)];
        if (answer !== undefined) standards[standard.id] = answer === 'yes';
      }
      const comment = text(fieldNames.comment);
      return {
        headline: form[fieldNames.headline] as number,
        values,
        probes,
        standards,
        ...(form[fieldNames.comparison] !== undefined ? { comparison: form[fieldNames.comparison] as TAnswers['comparison'] } : {}),
        ...(comment ? { comment } : {}),
        complaintRequested: form[fieldNames.complaint] === 'yes',
      };
    }),
  );
}
