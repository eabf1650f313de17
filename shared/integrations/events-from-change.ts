import type { TResponse } from '../answering/response-store.ts';
import { ZComplaint, type TComplaint } from '../complaints/complaint-store.ts';
import { isResponseItem, parseDigestSentKey, parseResponseKey } from '../platform/table/keys.ts';
import { eventIdOf, ZDomainEvent, type EventOf, type TDomainEvent } from './domain-events.ts';
import { MAILBOX_SIMULATOR_DOMAIN, SYNTHETIC_WAVE } from '../platform/schedule/wave-id.ts';

type Item = Record<string, unknown>;

/** One item's change, as a DynamoDB stream reports it (images unmarshalled). */
export interface ItemChange {
  readonly oldImage?: Item | undefined;
  readonly newImage?: Item | undefined;
}

/** What a change alone does not hold: the response a complaint was opened from. */
export interface ChangeLookups {
  responseOf(complaint: TComplaint): Promise<TResponse | undefined>;
}

/** A performance rating at or below this is a "low value" in a complaint. */
const LOW_PERFORMANCE = 2;

/**
 * The domain events one table change reports: none for most changes (invitations, rollups,
 * notification claims). Every event is checked against its schema before it leaves, so a
 * receiver never gets one that its documented schema would refuse.
 */
export async function eventsFromChange(change: ItemChange, lookups: ChangeLookups): Promise<TDomainEvent[]> {
  const item = change.newImage ?? change.oldImage;
  if (!item || !change.newImage) return [];
  const events = isResponseItem(item) ? responseEvents(change.newImage, change.oldImage) : await byKind(change.newImage, change.oldImage, lookups);
  return events.filter((event) => !isSynthetic(event)).map((event) => ZDomainEvent.parse(event));
}

/** `feedback check`'s data: its wave, or SES's mailbox simulator. Receivers never hear of it. */
function isSynthetic(event: TDomainEvent): boolean {
  if ('waveId' in event && event.waveId === SYNTHETIC_WAVE) return true;
  return 'email' in event && typeof event.email === 'string' && event.email.endsWith(`@${MAILBOX_SIMULATOR_DOMAIN}`);
}

async function byKind(now: Item, before: Item | undefined, lookups: ChangeLookups): Promise<TDomainEvent[]> {
  switch (now['kind']) {
    case 'complaint':
      return complaintEvents(ZComplaint.parse(now), before ? ZComplaint.parse(before) : undefined, lookups);
    case 'contact':
      return unsubscribed(now, before);
    case 'suppression':
      return before ? [] : [suppressed(now)];
    case 'digest-sent':
      return digestSent(now, before);
    default:
      return [];
  }
}

function responseEvents(now: Item, before: Item | undefined): TDomainEvent[] {
  const score = now['headlineScore'];
  // A held one-click score is a suspected scanner fetch: it counts for nothing until confirmed.
  if (typeof score !== 'number' || now['headlineHeld'] !== undefined) return [];
  const answeredAt = String(now['answeredAt']);
  if (before && before['headlineHeld'] === undefined && before['answeredAt'] === answeredAt && before['headlineScore'] === score) return [];
  const key = parseResponseKey(now);
  const { questionnaireId, waveId } = key;
  // An anonymous response is keyed by its own id, which names no invitation.
  const linkId = 'linkId' in key ? key.linkId : key.responseId;
  return [
    {
      type: 'ResponseRecorded',
      version: 1,
      eventId: eventIdOf('ResponseRecorded', questionnaireId, waveId, linkId, answeredAt),
      occurredAt: answeredAt,
      questionnaireId,
      waveId,
      responseId: linkId,
      headlineScore: score,
      source: now['headlineSource'] === 'form' ? 'form' : 'one-click',
    },
  ];
}

async function complaintEvents(now: TComplaint, before: TComplaint | undefined, lookups: ChangeLookups): Promise<TDomainEvent[]> {
  const ref = { complaintId: now.id, questionnaireId: now.questionnaireId, waveId: now.waveId, departmentId: now.departmentId };
  const events: TDomainEvent[] = [];
  if (!before) events.push(await opened(now, ref, lookups));
  if (now.acknowledgedAt && !before?.acknowledgedAt) {
    events.push({ type: 'ComplaintAcknowledged', version: 1, eventId: eventIdOf('ComplaintAcknowledged', now.id), occurredAt: now.acknowledgedAt, ...ref });
  }
  if (now.resolvedAt && !before?.resolvedAt) {
    events.push({ type: 'ComplaintResolved', version: 1, eventId: eventIdOf('ComplaintResolved', now.id), occurredAt: now.resolvedAt, ...ref });
  }
  if (before && before.ownerEmail !== now.ownerEmail) {
    // The history's length tells one reassignment from the next, even back to an earlier owner.
    const at = now.history.at(-1)?.at ?? now.createdAt;
    events.push({ type: 'ComplaintReassigned', version: 1, eventId: eventIdOf('ComplaintReassigned', now.id, now.history.length), occurredAt: at, ...ref, ownerEmail: now.ownerEmail });
  }
  if (before && now.level > before.level) {
    events.push({ type: 'ComplaintEscalated', version: 1, eventId: eventIdOf('ComplaintEscalated', now.id, now.level), occurredAt: now.escalatedAt ?? now.createdAt, ...ref, level: now.level });
  }
  return events;
}

async function opened(complaint: TComplaint, ref: Omit<EventOf<'ComplaintOpened'>, 'type' | 'version' | 'eventId' | 'occurredAt' | 'reasons' | 'headlineScore' | 'lowValues' | 'comment' | 'customer' | 'acknowledgeBy' | 'resolveBy'>, lookups: ChangeLookups): Promise<EventOf<'ComplaintOpened'>> {
  const response = await lookups.responseOf(complaint);
  const lowValues = Object.entries(response?.answers?.values ?? {})
    .flatMap(([valueId, ratings]) => (ratings.performance !== undefined && ratings.performance <= LOW_PERFORMANCE ? [{ valueId, performance: ratings.performance }] : []));
  return {
    type: 'ComplaintOpened',
    version: 1,
    eventId: eventIdOf('ComplaintOpened', complaint.id),
    occurredAt: complaint.createdAt,
    ...ref,
    reasons: complaint.reasons,
    headlineScore: response?.headlineScore ?? null,
    lowValues,
    comment: response?.answers?.comment || null,
    customer: complaint.customer ? { name: complaint.customer.name, email: complaint.customer.email } : null,
    acknowledgeBy: complaint.acknowledgeBy,
    resolveBy: complaint.resolveBy,
  };
}

function unsubscribed(now: Item, before: Item | undefined): TDomainEvent[] {
  const at = now['unsubscribedAt'];
  if (typeof at !== 'string' || before?.['unsubscribedAt']) return [];
  const email = String(now['email']);
  return [{ type: 'ContactUnsubscribed', version: 1, eventId: eventIdOf('ContactUnsubscribed', email, at), occurredAt: at, email }];
}

function suppressed(now: Item): TDomainEvent {
  const email = String(now['email']);
  const at = String(now['at']);
  const reason = now['reason'] === 'bounce' || now['reason'] === 'complaint' ? now['reason'] : 'manual';
  return { type: 'AddressSuppressed', version: 1, eventId: eventIdOf('AddressSuppressed', email, at), occurredAt: at, email, reason };
}

function digestSent(now: Item, before: Item | undefined): TDomainEvent[] {
  const sentAt = String(now['sentAt']);
  if (before && before['sentAt'] === sentAt) return [];
  const { questionnaireId, segment } = parseDigestSentKey(now);
  if (!segment) return [];
  const period = String(now['period']);
  const scope = segment.kind;
  const departmentId = segment.kind === 'department' ? segment.id : null;
  return [{ type: 'DigestSent', version: 1, eventId: eventIdOf('DigestSent', String(now['pk']), period, sentAt), occurredAt: sentAt, questionnaireId, scope, departmentId, period }];
}
