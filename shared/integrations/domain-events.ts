import { createHash } from 'node:crypto';
import * as z from '../platform/validation/zod.ts';

/**
 * The product's domain events, as they go onto the stack's EventBridge bus (`detail-type` is
 * `type`, `detail` is the whole event) and into webhook bodies. Every event carries:
 *
 * - `version`: the schema version of its type. A field is only ever added within a version;
 *   renaming or removing one makes a new version.
 * - `eventId`: derived from the fact it reports (never random), so a stream record retried
 *   by Lambda or the pipe, or the same change seen twice, gives the same id: receivers dedupe by it.
 * - `occurredAt`: when the fact happened (ISO 8601, UTC).
 *
 * Personal data is limited to what a receiver needs to act: only `ComplaintOpened` carries the
 * customer (null for anonymous questionnaires) and their comment, `ContactUnsubscribed` and
 * `AddressSuppressed` the address concerned, `ComplaintReassigned` the new owner's work address.
 */
export const EVENT_SOURCE = 'feedback.pipeline';

const ZEnvelope = {
  version: z.literal(1),
  eventId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
  occurredAt: z.iso.datetime(),
};
const ZComplaintRef = {
  complaintId: z.string(),
  questionnaireId: z.string(),
  waveId: z.string(),
  departmentId: z.nullable(z.string()),
};

export const ZResponseRecorded = z.strictObject({
  type: z.literal('ResponseRecorded'),
  ...ZEnvelope,
  questionnaireId: z.string(),
  waveId: z.string(),
  responseId: z.string(),
  headlineScore: z.number(),
  /** `one-click` from the email, or `form` once the whole questionnaire is submitted. */
  source: z.enum(['one-click', 'form']),
});

export const ZComplaintOpened = z.strictObject({
  type: z.literal('ComplaintOpened'),
  ...ZEnvelope,
  ...ZComplaintRef,
  /** Why it is a complaint: `requested`, `low-headline`, `low-value:<value id>`. */
  reasons: z.array(z.string()),
  headlineScore: z.nullable(z.number()),
  /** Values rated 1 or 2 (of 5) for our performance. */
  lowValues: z.array(z.strictObject({ valueId: z.string(), performance: z.number() })),
  comment: z.nullable(z.string()),
  /** Null for anonymous questionnaires. */
  customer: z.nullable(z.strictObject({ name: z.string(), email: z.string() })),
  acknowledgeBy: z.iso.datetime(),
  resolveBy: z.iso.datetime(),
});

export const ZComplaintAcknowledged = z.strictObject({ type: z.literal('ComplaintAcknowledged'), ...ZEnvelope, ...ZComplaintRef });
export const ZComplaintResolved = z.strictObject({ type: z.literal('ComplaintResolved'), ...ZEnvelope, ...ZComplaintRef });
export const ZComplaintReassigned = z.strictObject({ type: z.literal('ComplaintReassigned'), ...ZEnvelope, ...ZComplaintRef, ownerEmail: z.string() });
export const ZComplaintEscalated = z.strictObject({ type: z.literal('ComplaintEscalated'), ...ZEnvelope, ...ZComplaintRef, level: z.int() });

export const ZDigestSent = z.strictObject({
  type: z.literal('DigestSent'),
  ...ZEnvelope,
  questionnaireId: z.string(),
  /** Which digest: the company's, a department's, or a staff member's (never naming them). */
  scope: z.enum(['company', 'department', 'staff']),
  departmentId: z.nullable(z.string()),
  period: z.string(),
});

export const ZContactUnsubscribed = z.strictObject({ type: z.literal('ContactUnsubscribed'), ...ZEnvelope, email: z.string() });
export const ZAddressSuppressed = z.strictObject({
  type: z.literal('AddressSuppressed'),
  ...ZEnvelope,
  email: z.string(),
  reason: z.enum(['bounce', 'complaint', 'manual']),
});

export const ZDomainEvent = z.discriminatedUnion('type', [
  ZResponseRecorded,
  ZComplaintOpened,
  ZComplaintAcknowledged,
  ZComplaintResolved,
  ZComplaintReassigned,
  ZComplaintEscalated,
  ZDigestSent,
  ZContactUnsubscribed,
  ZAddressSuppressed,
]);
export type TDomainEvent = z.output<typeof ZDomainEvent>;
export type EventType = TDomainEvent['type'];
export type EventOf<T extends EventType> = Extract<TDomainEvent, { type: T }>;

export const EVENT_TYPES = [
  'ResponseRecorded',
  'ComplaintOpened',
  'ComplaintAcknowledged',
  'ComplaintResolved',
  'ComplaintReassigned',
  'ComplaintEscalated',
  'DigestSent',
  'ContactUnsubscribed',
  'AddressSuppressed',
] as const satisfies readonly EventType[];
export const ZEventType = z.enum(EVENT_TYPES);

/**
 * The id of the event reporting `fact` (its type and what identifies that occurrence): a
 * SHA-256 shaped as a UUID, so retries and replays of the same change carry the same id.
 */
export function eventIdOf(type: EventType, ...fact: ReadonlyArray<string | number>): string {
  const hex = createHash('sha256').update(JSON.stringify([type, ...fact])).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
