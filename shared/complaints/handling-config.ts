import * as z from '../platform/validation/zod.ts';
import type { TDeploymentConfig } from '../deployment/deployment-config.ts';
import type { ComplaintHandling } from './open-complaint.ts';

/** The complaint-handling settings as one value, passed to functions as `COMPLAINT_HANDLING` JSON. */
export function complaintHandlingFrom(config: TDeploymentConfig): ComplaintHandling {
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
    days: z.array(z.enum(['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'])),
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
