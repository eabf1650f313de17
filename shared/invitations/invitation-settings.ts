import * as z from '../platform/validation/zod.ts';
import { positiveInt, setting, wholeNumber } from '../platform/config/settings.ts';

/** The queue planned invitations go through to the sender. */
export const SEND_QUEUE_URL = setting('SEND_QUEUE_URL', z.url());
export const RECURRING_PERIOD_DAYS = setting('RECURRING_PERIOD_DAYS', positiveInt);
export const FREQUENCY_CAP_DAYS = setting('FREQUENCY_CAP_DAYS', wholeNumber);
export const INTERACTION_DELAY_DAYS = setting('INTERACTION_DELAY_DAYS', wholeNumber);
export const REMINDER_AFTER_DAYS = setting('REMINDER_AFTER_DAYS', positiveInt);
