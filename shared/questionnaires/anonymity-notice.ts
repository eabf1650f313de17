import { DEFAULT_MINIMUM_GROUP_SIZE } from '../digest/small-groups.ts';

/**
 * What respondents to an anonymous questionnaire are told, in the email and on the page —
 * worded as the README's privacy section says it, and true of what is stored
 * (`shared/answering/anonymous-answer.ts`, `shared/digest/small-groups.ts`). Change one,
 * change the other.
 */
export const ANONYMOUS_NOTICE =
  'This questionnaire is anonymous. Your answers are stored under a random number that only the link in your email carries; nothing we keep records which answers are yours — only that you were invited and whether you have answered, so that you get at most one reminder.';

export const groupNotice = (minimum = DEFAULT_MINIMUM_GROUP_SIZE) =>
  `A department's results are reported only when at least ${minimum} people in it have answered; below that, answers count only in the company's figures, and comments appear only at company level.`;

/** Staff questionnaires add where a concern goes. */
export const staffConcernNotice = (minimum = DEFAULT_MINIMUM_GROUP_SIZE) =>
  `If you ask for something to be followed up, it goes to the head of service, not to your own manager, without your name, and names your department only if it has at least ${minimum} staff.`;

/** After an anonymous complaint: nobody can contact the respondent, so no one promises to. */
export const ANONYMOUS_COMPLAINT_THANKS = 'Your concern has been passed on to be followed up. Since your answers are anonymous, nobody can reply to you personally.';

/** The notice for a questionnaire, or undefined when it is not anonymous. */
export function anonymityNotice(questionnaire: { anonymous: boolean; audience: 'customers' | 'staff'; minimumGroupSize?: number | undefined }): string | undefined {
  if (!questionnaire.anonymous) return undefined;
  const minimum = questionnaire.minimumGroupSize;
  return [ANONYMOUS_NOTICE, groupNotice(minimum), ...(questionnaire.audience === 'staff' ? [staffConcernNotice(minimum)] : [])].join(' ');
}
