import * as z from '../platform/validation/zod.ts';

/**
 * A notification to send about a complaint. `key` names it on the complaint record, which
 * is how a duplicated or retried message is recognised and not sent twice:
 * `opened` (to the owner), `escalated` (to the head of service), `reassigned-N` (to the
 * new owner), `customer-acknowledged` (to the customer).
 */
export const ZComplaintMessage = z.object({
  complaintId: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/)),
  key: z.string().check(z.regex(/^(opened|escalated|reassigned-\d+|customer-acknowledged)$/)),
});
export type TComplaintMessage = z.output<typeof ZComplaintMessage>;
