import type { TAnswers } from '../shared/questionnaires/answer-schema.ts';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';

/** The staff and departments the synthetic responses are spread over. */
export const SYNTHETIC_STAFF = 400;
export const SYNTHETIC_DEPARTMENTS = 20;

/**
 * The `i`th synthetic customer's full answers: every value rated (with the competitor),
 * every standard answered, a comparison, and a comment on one in ten. The aggregation
 * benchmarks read and write these, so their figures are for the largest ordinary response.
 */
export function syntheticAnswers(questionnaire: TQuestionnaire, i: number): TAnswers {
  return {
    headline: i % 11,
    values: Object.fromEntries(questionnaire.values.map((v, k) => [v.id, { importance: 1 + ((i + k) % 5), performance: 1 + ((i * 3 + k) % 5), competitor: 1 + ((i + 2 * k) % 5) }])),
    probes: {},
    standards: Object.fromEntries(questionnaire.standards.map((s, k) => [s.id, (i + k) % 4 !== 0])),
    comparison: (['better', 'same', 'worse', 'dk'] as const)[i % 4]!,
    ...(i % 10 === 0 ? { comment: `Comment number ${i} about the service we received.` } : {}),
    complaintRequested: false,
  };
}

/** Who served the `i`th synthetic customer. */
export function syntheticAttribution(i: number): { staffEmail: string; departmentId: string } {
  return { staffEmail: `staff${i % SYNTHETIC_STAFF}@acme.example`, departmentId: `dept-${i % SYNTHETIC_DEPARTMENTS}` };
}
