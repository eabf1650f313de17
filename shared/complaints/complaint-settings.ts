import * as z from '../platform/validation/zod.ts';
import { jsonOf, setting } from '../platform/config/settings.ts';
import { ZComplaintRules } from './complaint-rules.ts';
import { ZComplaintHandlingEnv } from './handling-config.ts';

/** Which answers are complaints (JSON of the config's `complaints`). */
export const COMPLAINT_RULES = setting('COMPLAINT_RULES', jsonOf(ZComplaintRules));
/** Business hours, SLAs and who handles what (JSON, see `complaintHandlingFrom`). */
export const COMPLAINT_HANDLING = setting('COMPLAINT_HANDLING', jsonOf(ZComplaintHandlingEnv));
/** The queue complaint notifications go through. */
export const COMPLAINT_QUEUE_URL = setting('COMPLAINT_QUEUE_URL', z.url());
