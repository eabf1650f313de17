import { parseSegmentKey } from '../platform/table/keys.ts';
import type { Rollup } from './rollup.ts';

/**
 * Small groups are not reported. With two people in a department, its figures say how each
 * of them answered; so for anonymous questionnaires (every staff questionnaire) a
 * department's figures and comments are kept only from this many respondents in the period,
 * and below it those answers count in the company's figures alone. Set per questionnaire
 * (`minimumGroupSize`).
 */
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;

/** Whether a group of `size` people (respondents, or staff in a department) may be reported apart from the company. */
export function reportable(size: number, minimum = DEFAULT_MINIMUM_GROUP_SIZE): boolean {
  return size >= minimum;
}

/**
 * A period's rollups without the departments that had fewer than `minimum` respondents.
 * Applied where rollups are written, so digests, reports and every other reader see only
 * what may be shown; the company rollup already holds every answer and comment.
 */
export function withoutSmallGroups(rollups: readonly Rollup[], minimum = DEFAULT_MINIMUM_GROUP_SIZE): Rollup[] {
  return rollups.filter((rollup) => parseSegmentKey(rollup.segment)?.kind !== 'department' || reportable(rollup.responses, minimum));
}
