import * as z from '../platform/validation/zod.ts';
import { WEEKDAYS, type TBusinessHours } from './business-calendar.ts';
import type { ComplaintHandling } from './open-complaint.ts';

/** The config file's `complaintHandling` section. */
export const ZComplaintHandlingConfig = z.strictObject({
  /** Head of service: the second escalation level, for complaints past their deadline. */
  headOfServiceEmail: z.email(),
  /** Receives complaints whose department has no manager. @default headOfServiceEmail */
  fallbackManagerEmail: z.optional(z.email()),
  acknowledgeWithinBusinessHours: z._default(z.number().check(z.minimum(0.25), z.maximum(200)), 4),
  resolveWithinBusinessDays: z._default(z.number().check(z.minimum(0.5), z.maximum(60)), 2),
  /** Email the customer, naming who handles it, when a manager acknowledges. Never for anonymous responses. */
  notifyCustomerOnAcknowledge: z._default(z.boolean(), true),
});

/** The complaint-handling settings as one value, passed to functions as `COMPLAINT_HANDLING` JSON. */
export function complaintHandlingFrom(config: { timeZone: string; businessHours: TBusinessHours; complaintHandling: z.output<typeof ZComplaintHandlingConfig> }): ComplaintHandling {
  const handling = config.complaintHandling;
  return {
    calendar: { timeZone: config.timeZone, ...config.businessHours },
    acknowledgeWithinBusinessHours: handling.acknowledgeWithinBusinessHours,
    resolveWithinBusinessDays: handling.resolveWithinBusinessDays,
    headOfServiceEmail: handling.headOfServiceEmail.toLowerCase(),
    fallbackManagerEmail: (handling.fallbackManagerEmail ?? handling.headOfServiceEmail).toLowerCase(),
    notifyCustomerOnAcknowledge: handling.notifyCustomerOnAcknowledge,
  };
}

export const ZComplaintHandlingEnv = z.object({
  calendar: z.object({
    timeZone: z.string(),
    days: z.array(z.enum(WEEKDAYS)),
    start: z.string(),
    end: z.string(),
    holidays: z.array(z.string()),
  }),
  acknowledgeWithinBusinessHours: z.number(),
  resolveWithinBusinessDays: z.number(),
  headOfServiceEmail: z.email(),
  fallbackManagerEmail: z.email(),
  notifyCustomerOnAcknowledge: z.boolean(),
});
