import { BUSINESS_TIME_ZONE, FUNCTION_SETTINGS, LINK_VALIDITY_DAYS, QUESTIONNAIRE_DIR } from '../../shared/platform/config/common-settings.ts';
import { FREQUENCY_CAP_DAYS, INTERACTION_DELAY_DAYS, RECURRING_PERIOD_DAYS, REMINDER_AFTER_DAYS, SEND_QUEUE_URL } from '../../shared/invitations/invitation-settings.ts';

/** What the planner function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  ...FUNCTION_SETTINGS,
  questionnaireDir: QUESTIONNAIRE_DIR,
  timeZone: BUSINESS_TIME_ZONE,
  linkValidityDays: LINK_VALIDITY_DAYS,
  sendQueueUrl: SEND_QUEUE_URL,
  recurringPeriodDays: RECURRING_PERIOD_DAYS,
  frequencyCapDays: FREQUENCY_CAP_DAYS,
  interactionDelayDays: INTERACTION_DELAY_DAYS,
  reminderAfterDays: REMINDER_AFTER_DAYS,
};
