import * as z from '../platform/validation/zod.ts';

/**
 * The parts of an SES bounce or complaint notification the product acts on. SES sends two
 * forms, `notificationType` (identity notifications) and `eventType` (configuration-set
 * event publishing); both are read, and unknown fields are ignored because SES adds them.
 */
const ZRecipient = z.looseObject({ emailAddress: z.string().check(z.minLength(3)) });

const ZBounce = z.looseObject({
  bounceType: z.string(),
  bounceSubType: z.optional(z.string()),
  bouncedRecipients: z.array(ZRecipient),
  timestamp: z.optional(z.string()),
});

const ZComplaint = z.looseObject({
  complainedRecipients: z.array(ZRecipient),
  complaintFeedbackType: z.optional(z.string()),
  timestamp: z.optional(z.string()),
});

export const ZSesNotification = z.looseObject({
  notificationType: z.optional(z.string()),
  eventType: z.optional(z.string()),
  bounce: z.optional(ZBounce),
  complaint: z.optional(ZComplaint),
});

export interface SuppressionRequest {
  email: string;
  reason: 'bounce' | 'complaint';
  detail: string;
}

/**
 * Which addresses a notification says to stop mailing. Only permanent bounces suppress:
 * a transient bounce (mailbox full, greylisting) is SES's to retry, and suppressing it
 * would silence customers for a passing fault. Deliveries and other events yield nothing.
 */
export function suppressionsFrom(notification: z.output<typeof ZSesNotification>): SuppressionRequest[] {
  const type = notification.notificationType ?? notification.eventType;
  if (type === 'Bounce' && notification.bounce?.bounceType === 'Permanent') {
    const detail = `Permanent/${notification.bounce.bounceSubType ?? 'General'}`;
    return notification.bounce.bouncedRecipients.map((r) => ({ email: r.emailAddress, reason: 'bounce', detail }));
  }
  if (type === 'Complaint' && notification.complaint) {
    const detail = notification.complaint.complaintFeedbackType ?? 'abuse';
    return notification.complaint.complainedRecipients.map((r) => ({ email: r.emailAddress, reason: 'complaint', detail }));
  }
  return [];
}
