import { describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import { EVENT_TYPES, ZDomainEvent, type TDomainEvent } from '../../shared/integrations/domain-events.ts';
import { eventsFromChange, type ChangeLookups } from '../../shared/integrations/events-from-change.ts';
import type { TResponse } from '../../shared/answering/response-store.ts';
import { createEventPublisher } from '../../functions/event-publisher/event-publisher.ts';
import { createLogger } from '../../shared/platform/observability/logger.ts';

const response: TResponse = {
  questionnaireId: 'customer-service',
  waveId: '2026-W48',
  headlineScore: 2,
  headlineSource: 'form',
  answers: { values: { price: { importance: 5, performance: 1 }, speed: { performance: 4 } }, probes: {}, standards: {}, comment: 'Rude <b>staff</b> & slow', complaintRequested: true },
  firstAnsweredAt: '2026-11-30T10:00:00.000Z',
  answeredAt: '2026-11-30T10:00:00.000Z',
};
const lookups: ChangeLookups = { responseOf: () => Promise.resolve(response) };

const complaint = (changes: Record<string, unknown> = {}) => ({
  pk: 'COMPLAINT#abc',
  sk: 'COMPLAINT',
  kind: 'complaint',
  id: 'abc',
  questionnaireId: 'customer-service',
  waveId: '2026-W48',
  reasons: ['requested', 'low-headline'],
  customer: { email: 'ann@example.com', name: 'Ann', language: 'en' },
  staffEmail: 'bob@example.com',
  departmentId: 'sales',
  state: 'open',
  ownerEmail: 'mia@example.com',
  level: 1,
  createdAt: '2026-11-30T10:00:01.000Z',
  acknowledgeBy: '2026-11-30T14:00:01.000Z',
  resolveBy: '2026-12-02T10:00:01.000Z',
  notified: {},
  history: [{ at: '2026-11-30T10:00:01.000Z', event: 'opened' }],
  ...changes,
});
const responseItem = (changes: Record<string, unknown> = {}) => ({
  pk: 'RESPONSE#customer-service#2026-W48',
  sk: 'LINK#abc',
  headlineScore: 9,
  headlineSource: 'one-click',
  answeredAt: '2026-11-30T10:00:00.000Z',
  firstAnsweredAt: '2026-11-30T10:00:00.000Z',
  ...changes,
});

async function eventsOf(oldImage: Record<string, unknown> | undefined, newImage: Record<string, unknown> | undefined): Promise<TDomainEvent[]> {
  return eventsFromChange({ oldImage, newImage }, lookups);
}

describe('domain events from table changes', () => {
  it('ResponseRecorded: a counted score is reported once per answer, with no identity; a held one-click score is not', async () => {
    const [event, ...rest] = await eventsOf(undefined, responseItem());
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'ResponseRecorded', version: 1, questionnaireId: 'customer-service', waveId: '2026-W48', responseId: 'abc', headlineScore: 9, source: 'one-click' });
    expect(JSON.stringify(event)).not.toContain('@');
    expect(await eventsOf(undefined, responseItem({ headlineHeld: 'scanner' }))).toEqual([]);
    // The same stored answer changing again (a click appended) reports nothing new.
    expect(await eventsOf(responseItem(), responseItem({ clicks: [] }))).toEqual([]);
    // The held score confirmed, or the form submitted later, is a new answer.
    expect(await eventsOf(responseItem({ headlineHeld: 'scanner' }), responseItem())).toHaveLength(1);
    const edited = await eventsOf(responseItem(), responseItem({ answeredAt: '2026-11-30T11:00:00.000Z', headlineSource: 'form' }));
    expect(edited[0]!.eventId).not.toBe(event!.eventId);
  });

  it('ComplaintOpened: carries the score, the low values, the comment and the customer; anonymous ones carry no customer', async () => {
    const [event] = await eventsOf(undefined, complaint());
    expect(event).toMatchObject({
      type: 'ComplaintOpened',
      complaintId: 'abc',
      departmentId: 'sales',
      headlineScore: 2,
      lowValues: [{ valueId: 'price', performance: 1 }],
      comment: 'Rude <b>staff</b> & slow',
      customer: { name: 'Ann', email: 'ann@example.com' },
    });
    expect(JSON.stringify(event)).not.toContain('bob@example.com');
    const [anonymous] = await eventsOf(undefined, complaint({ customer: null, staffEmail: null }));
    expect(anonymous).toMatchObject({ type: 'ComplaintOpened', customer: null });
    expect(JSON.stringify(anonymous)).not.toMatch(/@/);
  });

  it('ComplaintAcknowledged, ComplaintResolved, ComplaintReassigned and ComplaintEscalated follow the complaint’s transitions', async () => {
    const acknowledged = complaint({ state: 'acknowledged', acknowledgedAt: '2026-11-30T11:00:00.000Z', acknowledgedBy: 'mia@example.com' });
    expect((await eventsOf(complaint(), acknowledged)).map((e) => e.type)).toEqual(['ComplaintAcknowledged']);
    // Resolving an open complaint acknowledges it too.
    const resolved = complaint({ state: 'resolved', acknowledgedAt: '2026-11-30T12:00:00.000Z', resolvedAt: '2026-11-30T12:00:00.000Z' });
    expect((await eventsOf(complaint(), resolved)).map((e) => e.type)).toEqual(['ComplaintAcknowledged', 'ComplaintResolved']);
    const history = [...complaint().history, { at: '2026-11-30T13:00:00.000Z', event: 'reassigned' }];
    const [reassigned] = await eventsOf(complaint(), complaint({ ownerEmail: 'leo@example.com', history }));
    expect(reassigned).toMatchObject({ type: 'ComplaintReassigned', ownerEmail: 'leo@example.com', occurredAt: '2026-11-30T13:00:00.000Z' });
    const [escalated] = await eventsOf(complaint(), complaint({ level: 2, escalatedAt: '2026-11-30T15:00:00.000Z' }));
    expect(escalated).toMatchObject({ type: 'ComplaintEscalated', level: 2, occurredAt: '2026-11-30T15:00:00.000Z' });
    // A notification claim or the privacy `forget` changes the record but is no domain event.
    expect(await eventsOf(complaint(), complaint({ notified: { owner: { state: 'sent', at: '2026-11-30T10:00:02.000Z' } } }))).toEqual([]);
    expect(await eventsOf(complaint(), complaint({ customer: null }))).toEqual([]);
  });

  it('DigestSent names the scope without any address; a resend is a new event', async () => {
    const digest = { pk: 'DIGEST#customer-service#dept:sales', sk: 'LAST', kind: 'digest-sent', period: '2026-W47', sentAt: '2026-11-30T07:00:00.000Z', recipient: 'mia@example.com' };
    const [event] = await eventsOf(undefined, digest);
    expect(event).toMatchObject({ type: 'DigestSent', questionnaireId: 'customer-service', scope: 'department', departmentId: 'sales', period: '2026-W47' });
    expect(JSON.stringify(event)).not.toContain('@');
    const [staff] = await eventsOf(undefined, { ...digest, pk: 'DIGEST#customer-service#staff:bob@example.com' });
    expect(staff).toMatchObject({ scope: 'staff', departmentId: null });
    expect(JSON.stringify(staff)).not.toContain('bob');
    expect(await eventsOf(digest, { ...digest })).toEqual([]);
    expect(await eventsOf(digest, { ...digest, sentAt: '2026-11-30T08:00:00.000Z' })).toHaveLength(1);
  });

  it('ContactUnsubscribed and AddressSuppressed report the address once', async () => {
    const contact = { pk: 'CONTACT#ann@example.com', sk: 'PROFILE', kind: 'contact', email: 'ann@example.com', name: 'Ann' };
    const [unsubscribed] = await eventsOf(contact, { ...contact, unsubscribedAt: '2026-11-30T10:00:00.000Z' });
    expect(unsubscribed).toMatchObject({ type: 'ContactUnsubscribed', email: 'ann@example.com' });
    expect(JSON.stringify(unsubscribed)).not.toContain('Ann');
    expect(await eventsOf({ ...contact, unsubscribedAt: 'x' }, { ...contact, unsubscribedAt: 'x', name: 'Anne' })).toEqual([]);
    const suppression = { pk: 'SUPPRESSION#ann@example.com', sk: 'SUPPRESSION', kind: 'suppression', email: 'ann@example.com', reason: 'bounce', detail: 'mailbox full', at: '2026-11-30T10:00:00.000Z' };
    const [suppressed] = await eventsOf(undefined, suppression);
    expect(suppressed).toEqual(expect.objectContaining({ type: 'AddressSuppressed', email: 'ann@example.com', reason: 'bounce' }));
    expect(JSON.stringify(suppressed)).not.toContain('mailbox');
  });

  it('feedback check’s synthetic data (its wave, the SES mailbox simulator) reaches no receiver', async () => {
    expect(await eventsOf(undefined, responseItem({ pk: 'RESPONSE#customer-service#0000-W00' }))).toEqual([]);
    expect(await eventsOf(undefined, complaint({ waveId: '0000-W00' }))).toEqual([]);
    const simulator = 'bounce+feedback-check-1a2b@simulator.amazonses.com';
    expect(await eventsOf(undefined, { pk: `SUPPRESSION#${simulator}`, sk: 'SUPPRESSION', kind: 'suppression', email: simulator, reason: 'bounce', at: '2026-11-30T10:00:00.000Z' })).toEqual([]);
  });

  it('the same change gives the same event id, so a retried stream batch is deduplicated by receivers', async () => {
    for (const [before, after] of [[undefined, complaint()], [undefined, responseItem()], [complaint(), complaint({ level: 2, escalatedAt: '2026-11-30T15:00:00.000Z' })]] as const) {
      const first = await eventsOf(before, after);
      const again = await eventsOf(before, after);
      expect(first.length).toBeGreaterThan(0);
      expect(again.map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
    }
  });

  it('a deleted item, an invitation or a rollup reports nothing', async () => {
    expect(await eventsOf(complaint(), undefined)).toEqual([]);
    expect(await eventsOf(undefined, { pk: 'CONTACT#ann@example.com', sk: 'INVITATION#q#2026-W48', status: 'sent' })).toEqual([]);
    expect(await eventsOf(undefined, { pk: 'ROLLUP#q#2026-W48', sk: 'company', kind: 'rollup' })).toEqual([]);
  });
});

describe('the event schemas', () => {
  const examples: Record<(typeof EVENT_TYPES)[number], Record<string, unknown>> = {
    ResponseRecorded: { questionnaireId: 'q', waveId: 'w', responseId: 'r', headlineScore: 9, source: 'form' },
    ComplaintOpened: { complaintId: 'c', questionnaireId: 'q', waveId: 'w', departmentId: null, reasons: ['requested'], headlineScore: null, lowValues: [], comment: null, customer: null, acknowledgeBy: '2026-11-30T10:00:00.000Z', resolveBy: '2026-11-30T10:00:00.000Z' },
    ComplaintAcknowledged: { complaintId: 'c', questionnaireId: 'q', waveId: 'w', departmentId: 'd' },
    ComplaintResolved: { complaintId: 'c', questionnaireId: 'q', waveId: 'w', departmentId: 'd' },
    ComplaintReassigned: { complaintId: 'c', questionnaireId: 'q', waveId: 'w', departmentId: 'd', ownerEmail: 'leo@example.com' },
    ComplaintEscalated: { complaintId: 'c', questionnaireId: 'q', waveId: 'w', departmentId: 'd', level: 2 },
    DigestSent: { questionnaireId: 'q', scope: 'company', departmentId: null, period: '2026-W47' },
    ContactUnsubscribed: { email: 'ann@example.com' },
    AddressSuppressed: { email: 'ann@example.com', reason: 'complaint' },
  };
  const envelope = { version: 1, eventId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', occurredAt: '2026-11-30T10:00:00.000Z' };

  it.each(EVENT_TYPES)('%s: the documented example parses; a field too many, a missing field or another version is refused', (type) => {
    const example: Record<string, unknown> = { type, ...envelope, ...examples[type] };
    expect(ZDomainEvent.parse(example)).toEqual(example);
    expect(ZDomainEvent.safeParse({ ...example, customerName: 'Ann' }).success).toBe(false);
    expect(ZDomainEvent.safeParse({ ...example, version: 2 }).success).toBe(false);
    const [firstField] = Object.keys(examples[type]);
    const { [firstField!]: _dropped, ...missing } = example;
    expect(ZDomainEvent.safeParse(missing).success).toBe(false);
  });
});

describe('the event publisher', () => {
  it('reads a batch of stream records as the pipe delivers it (an array) or as Lambda does ({Records})', async () => {
    const publish = createEventPublisher({ lookups, log: createLogger({ service: 'test', write: () => undefined }) });
    const record = { eventName: 'INSERT', dynamodb: { NewImage: marshall(complaint()), Keys: marshall({ pk: 'COMPLAINT#abc', sk: 'COMPLAINT' }) } };
    const fromPipe = await publish([record, { eventName: 'MODIFY', dynamodb: { OldImage: marshall(complaint()), NewImage: marshall(complaint({ level: 2, escalatedAt: '2026-11-30T15:00:00.000Z' })) } }]);
    expect(fromPipe.map((e) => e.type)).toEqual(['ComplaintOpened', 'ComplaintEscalated']);
    expect(await publish({ Records: [record] })).toEqual([fromPipe[0]]);
    await expect(publish([{ eventName: 'INSERT' }])).rejects.toThrow();
  });
});
