/**
 * Small groups are not reported. With two people in a department, its staff figures say how
 * each of them answered; so a department's staff results are shown only from this many
 * respondents in the period, and below it they count in the company's figure alone.
 */
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;

/** Whether a group of `size` people (respondents, or staff in a department) may be reported apart from the company. */
export function reportable(size: number, minimum = DEFAULT_MINIMUM_GROUP_SIZE): boolean {
  return size >= minimum;
}
