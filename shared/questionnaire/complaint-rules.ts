import type { TQuestionnaire } from './questionnaire-schema.ts';
import type { TAnswers } from './answer-schema.ts';

export interface ComplaintRules {
  readonly npsAtMost: number;
  readonly csatAtMost: number;
  readonly valuePerformanceAtMost?: number;
}

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
