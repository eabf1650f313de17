import * as z from '../platform/validation/zod.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { TAnswers } from '../questionnaires/answer-schema.ts';

/** When a response becomes a complaint, besides the customer asking to be contacted (`complaints` in the config). */
export const ZComplaintRules = z.strictObject({
  /** A headline NPS score at or below this is a complaint. */
  npsAtMost: z._default(z.int().check(z.minimum(0), z.maximum(10)), 3),
  /** A headline CSAT score at or below this is a complaint. */
  csatAtMost: z._default(z.int().check(z.minimum(1), z.maximum(5)), 1),
  /** When set, our performance on any value at or below this is a complaint too. */
  valuePerformanceAtMost: z.optional(z.int().check(z.minimum(1), z.maximum(4))),
});
export type ComplaintRules = z.output<typeof ZComplaintRules>;

export type ComplaintReason = 'requested' | 'low-headline' | `low-value:${string}`;

/**
 * Why a response is a complaint (empty when it is not): the customer asked to be
 * contacted, the headline score is at or below the threshold for its scale, or (when
 * configured) our performance on a value is at or below a threshold.
 */
export function complaintReasons(questionnaire: TQuestionnaire, answers: Pick<TAnswers, 'headline' | 'values' | 'complaintRequested'>, rules: ComplaintRules): ComplaintReason[] {
  const reasons: ComplaintReason[] = [];
  if (answers.complaintRequested) reasons.push('requested');
  const threshold = questionnaire.headline.kind === 'nps' ? rules.npsAtMost : rules.csatAtMost;
  if (answers.headline <= threshold) reasons.push('low-headline');
  if (rules.valuePerformanceAtMost !== undefined) {
    for (const value of questionnaire.values) {
      const performance = answers.values[value.id]?.performance;
      if (performance !== undefined && performance <= rules.valuePerformanceAtMost) reasons.push(`low-value:${value.id}`);
    }
  }
  return reasons;
}
