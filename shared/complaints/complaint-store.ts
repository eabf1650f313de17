import { DeleteCommand, GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../platform/validation/zod.ts';
import { listAll } from '../platform/table/list-index.ts';
import { keys } from '../platform/table/keys.ts';
import { writeIf, type Table } from '../platform/table/table-client.ts';

export const ZComplaint = z.object({
  /** The invitation's link id: one complaint per response. */
  id: z.string(),
  questionnaireId: z.string(),
  waveId: z.string(),
  reasons: z.array(z.string()),
  /** Null for anonymous questionnaires. */
  customer: z.nullable(z.object({ email: z.string(), name: z.string(), language: z._default(z.string(), 'en') })),
  staffEmail: z.nullable(z.string()),
  departmentId: z.nullable(z.string()),
  state: z.enum(['open', 'acknowledged', 'resolved']),
  ownerEmail: z.string(),
  /** 1: the department's manager; 2: escalated to the head of service. */
  level: z.int(),
  createdAt: z.string(),
  acknowledgeBy: z.string(),
  resolveBy: z.string(),
  acknowledgedAt: z.optional(z.string()),
  acknowledgedBy: z.optional(z.string()),
  resolvedAt: z.optional(z.string()),
  resolutionNote: z.optional(z.string()),
  escalatedAt: z.optional(z.string()),
  /** Notifications by key: claimed while being sent, then sent. */
  notified: z._default(z.record(z.string(), z.object({ state: z.enum(['claimed', 'sent']), at: z.string() })), {}),
  history: z._default(z.array(z.object({ at: z.string(), event: z.string(), by: z.optional(z.string()) })), []),
});
export type TComplaint = z.output<typeof ZComplaint>;
export type TNewComplaint = Omit<TComplaint, 'state' | 'level' | 'notified' | 'history' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolutionNote' | 'escalatedAt'>;


/**
 * Opens a complaint, once: the key is the response's link id, so a resubmission or a
 * retried request finds it open and changes nothing.
 * @returns whether this call opened it.
 */
export async function openComplaint(table: Table, complaint: TNewComplaint): Promise<boolean> {
  return writeIf(table, {
    TableName: table.name,
    Item: {
      ...keys.complaint(complaint.id),
      ...keys.complaintListing(complaint.createdAt, complaint.id),
      kind: 'complaint',
      ...complaint,
      state: 'open',
      level: 1,
      notified: {},
      history: [{ at: complaint.createdAt, event: 'opened' }],
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export async function getComplaint(table: Table, id: string): Promise<TComplaint | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.complaint(id), ConsistentRead: true }));
  return Item ? ZComplaint.parse(Item) : undefined;
}

/** Open and acknowledged complaints, oldest first; with `closedSince`, also those resolved since that month. */
export async function listComplaints(table: Table, options: { closedSince?: Date } = {}): Promise<TComplaint[]> {
  const lists = [keys.openComplaints().gsi1pk];
  if (options.closedSince) {
    const month = new Date(Date.UTC(options.closedSince.getUTCFullYear(), options.closedSince.getUTCMonth(), 1));
    for (const now = new Date(); month <= now; month.setUTCMonth(month.getUTCMonth() + 1)) lists.push(keys.closedComplaints(month.toISOString()).gsi1pk);
  }
  const complaints: TComplaint[] = [];
  for (const list of lists) {
    for await (const item of listAll(table, list)) complaints.push(ZComplaint.parse(item));
  }
  return complaints.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

type Change = 'changed' | 'unchanged';

async function conditional(table: Table, update: UpdateCommandInput & { ConditionExpression: string }): Promise<Change> {
  return (await writeIf(table, update)) ? 'changed' : 'unchanged';
}

const historyEntry = (at: string, event: string, by?: string) => [{ at, event, ...(by ? { by } : {}) }];

/** Open → acknowledged. A second click changes nothing. */
export function acknowledgeComplaint(table: Table, id: string, by: string, at: string): Promise<Change> {
  return conditional(
    table,
    {
      TableName: table.name,
      Key: keys.complaint(id),
      UpdateExpression: 'SET #state = :acknowledged, acknowledgedAt = :at, acknowledgedBy = :by, history = list_append(history, :event)',
      ConditionExpression: '#state = :open',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':acknowledged': 'acknowledged', ':open': 'open', ':at': at, ':by': by, ':event': historyEntry(at, 'acknowledged', by) },
    },
  );
}

/** → resolved (acknowledging too, if it was not). A second click changes nothing. */
export function resolveComplaint(table: Table, id: string, by: string, note: string | undefined, at: string): Promise<Change> {
  return conditional(
    table,
    {
      TableName: table.name,
      Key: keys.complaint(id),
      UpdateExpression:
        'SET #state = :resolved, resolvedAt = :at, acknowledgedAt = if_not_exists(acknowledgedAt, :at), acknowledgedBy = if_not_exists(acknowledgedBy, :by), ' +
        'gsi1pk = :closed, history = list_append(history, :event)' + (note ? ', resolutionNote = :note' : ''),
      ConditionExpression: 'attribute_exists(pk) AND #state <> :resolved',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':resolved': 'resolved', ':at': at, ':by': by, ':closed': keys.closedComplaints(at).gsi1pk, ':event': historyEntry(at, 'resolved', by), ...(note ? { ':note': note } : {}) },
    },
  );
}

/** Hands the complaint to another manager. Reassigning to the current owner changes nothing. */
export function reassignComplaint(table: Table, id: string, to: string, by: string, at: string): Promise<Change> {
  return conditional(
    table,
    {
      TableName: table.name,
      Key: keys.complaint(id),
      UpdateExpression: 'SET ownerEmail = :to, history = list_append(history, :event)',
      ConditionExpression: 'attribute_exists(pk) AND #state <> :resolved AND ownerEmail <> :to',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':to': to, ':resolved': 'resolved', ':event': historyEntry(at, `reassigned to ${to}`, by) },
    },
  );
}

/**
 * Raises the complaint to `level`, once: the condition on the current level means a retried
 * or concurrent sweep cannot escalate the same breach twice.
 */
export function claimEscalation(table: Table, id: string, level: number, at: string): Promise<Change> {
  return conditional(
    table,
    {
      TableName: table.name,
      Key: keys.complaint(id),
      UpdateExpression: 'SET #level = :level, escalatedAt = :at, history = list_append(history, :event)',
      ConditionExpression: 'attribute_exists(pk) AND #level < :level AND #state <> :resolved',
      ExpressionAttributeNames: { '#level': 'level', '#state': 'state' },
      ExpressionAttributeValues: { ':level': level, ':at': at, ':resolved': 'resolved', ':event': historyEntry(at, `escalated to level ${level}`) },
    },
  );
}

/** A claim left by a sender that died is taken over after this long. */
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * Claims the right to send one notification. Two deliveries of the same message race here,
 * and only one wins; a claim whose sender died is taken over after five minutes.
 */
export function claimNotification(table: Table, id: string, key: string, at: Date): Promise<Change> {
  return conditional(
    table,
    {
      TableName: table.name,
      Key: keys.complaint(id),
      UpdateExpression: 'SET notified.#key = :claim',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(notified.#key) OR (notified.#key.#state = :claimed AND notified.#key.#at < :stale))',
      ExpressionAttributeNames: { '#key': key, '#state': 'state', '#at': 'at' },
      ExpressionAttributeValues: { ':claim': { state: 'claimed', at: at.toISOString() }, ':claimed': 'claimed', ':stale': new Date(at.getTime() - STALE_CLAIM_MS).toISOString() },
    },
  );
}

export async function completeNotification(table: Table, id: string, key: string, at: string): Promise<void> {
  await table.db.send(new UpdateCommand({
    TableName: table.name,
    Key: keys.complaint(id),
    UpdateExpression: 'SET notified.#key = :sent',
    ExpressionAttributeNames: { '#key': key },
    ExpressionAttributeValues: { ':sent': { state: 'sent', at } },
  }));
}

/** Gives a claim back after a failed send, so the retry can take it at once. */
export async function releaseNotification(table: Table, id: string, key: string): Promise<void> {
  await writeIf(table, {
    TableName: table.name,
    Key: keys.complaint(id),
    UpdateExpression: 'REMOVE notified.#key',
    ConditionExpression: 'notified.#key.#state = :claimed',
    ExpressionAttributeNames: { '#key': key, '#state': 'state' },
    ExpressionAttributeValues: { ':claimed': 'claimed' },
  });
}

/** Removes the customer's identity and the resolution note from a complaint (the privacy `forget`); its facts stay. */
export async function forgetComplaintCustomer(table: Table, id: string): Promise<void> {
  await table.db.send(new UpdateCommand({ TableName: table.name, Key: keys.complaint(id), UpdateExpression: 'SET customer = :none REMOVE resolutionNote', ExpressionAttributeValues: { ':none': null } }));
}

/** Deletes a complaint outright: only for the synthetic one `feedback check` raised (a real one is kept, and `forget` scrubs it). */
export async function deleteComplaint(table: Table, id: string): Promise<boolean> {
  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.complaint(id), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}
