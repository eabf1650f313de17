import { DeleteCommand, GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import * as z from '../platform/validation/zod.ts';
import { listAll } from '../platform/table/list-index.ts';
import { keys } from '../platform/table/keys.ts';
import { writeIf, type Table } from '../platform/table/table-client.ts';

const ZNotification = z.object({
  state: z.enum(['pending', 'claimed', 'sent']),
  at: z.string(),
  /** The manager it goes to, recorded with the change (a reassignment's new owner). */
  to: z.optional(z.string()),
  /** The assignment its action links act for. */
  assignment: z.optional(z.int()),
});
export type TNotification = z.output<typeof ZNotification>;

export const ZComplaint = z.object({
  /** The invitation's link id, or for anonymous questionnaires the response id: one complaint per response. */
  id: z.string(),
  /** Keyed like its response by a response id (anonymous questionnaires), not a link id. */
  keyedByResponse: z.optional(z.boolean()),
  /** Raised from a staff questionnaire: staff feedback, not a customer's complaint. */
  audience: z.optional(z.enum(['customers', 'staff'])),
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
  /**
   * Notifications by key: pending from the change that implies them (written with it), claimed
   * while being sent, then sent. Older records have no pending entries.
   */
  notified: z._default(z.record(z.string(), ZNotification), {}),
  history: z._default(z.array(z.object({ at: z.string(), event: z.string(), by: z.optional(z.string()) })), []),
  /** Counts the changes made to it: every change is conditional on the version it read. Absent on older records (0). */
  version: z.optional(z.int()),
  /** Counts its owners: a link is sent for one assignment and acts only while it is current. Absent on older records (0). */
  assignment: z.optional(z.int()),
});
export type TComplaint = z.output<typeof ZComplaint>;
export type TNewComplaint = Omit<
  TComplaint,
  'state' | 'level' | 'notified' | 'history' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolutionNote' | 'escalatedAt' | 'version' | 'assignment'
>;


/**
 * Opens a complaint, once: the key is the response's link id, so a resubmission or a
 * retried request finds it open and changes nothing. Its owner's notification is written
 * with it, unsent.
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
      version: 0,
      assignment: 0,
      notified: { opened: { state: 'pending', at: complaint.createdAt, to: complaint.ownerEmail, assignment: 0 } },
      history: [{ at: complaint.createdAt, event: 'opened' }],
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export async function getComplaint(table: Table, id: string): Promise<TComplaint | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.complaint(id), ConsistentRead: true }));
  return Item ? ZComplaint.parse(Item) : undefined;
}

/**
 * Open and acknowledged complaints, oldest first; with `closedSince`, also those closed in any
 * month from its month to `now`'s (a complaint resolved after a period was still open at its
 * end). `now` is the caller's clock, so a job run "as of" a time sees the months up to it.
 */
export async function listComplaints(table: Table, options: { closedSince?: Date; now?: Date } = {}): Promise<TComplaint[]> {
  const lists = [keys.openComplaints().gsi1pk, ...(options.closedSince ? closedMonthLists(options.closedSince, options.now ?? new Date()) : [])];
  const complaints: TComplaint[] = [];
  for (const list of lists) {
    for await (const item of listAll(table, list)) complaints.push(ZComplaint.parse(item));
  }
  return complaints.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The closed-complaint list of each month from `from`'s to `until`'s (at least `from`'s). */
function closedMonthLists(from: Date, until: Date): string[] {
  const last = keys.closedComplaints(new Date(Math.max(until.getTime(), from.getTime())).toISOString()).gsi1pk;
  const month = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  const lists: string[] = [];
  for (let list = keys.closedComplaints(month.toISOString()).gsi1pk; ; list = keys.closedComplaints(month.toISOString()).gsi1pk) {
    lists.push(list);
    if (list === last) return lists;
    month.setUTCMonth(month.getUTCMonth() + 1);
  }
}

/** What an action or the sweep changes on a complaint, worked out from the complaint it read (`complaint-actions.ts`). */
export interface ComplaintChange {
  readonly set: Partial<Pick<TComplaint, 'state' | 'ownerEmail' | 'assignment' | 'level' | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolutionNote' | 'escalatedAt'>>;
  readonly event: TComplaint['history'][number];
  /** Moves it to the closed list of the event's month. */
  readonly closes?: boolean;
  /** The notifications this change implies, recorded unsent with it, in the same write. */
  readonly notify: ReadonlyArray<{ readonly key: string } & Pick<TNotification, 'to' | 'assignment'>>;
}

/** Conflicts with other writers before giving up: each one means someone else's change landed first. */
const MAX_ATTEMPTS = 8;

/**
 * Changes a complaint as `decide` says, on the complaint as it stands: the write is
 * conditional on the version it read, so a concurrent action makes it read again and decide
 * again (a second Reassign then finds the complaint no longer its clicker's). The
 * notifications the change implies are written with it as unsent, so none is lost if the
 * caller dies before queueing them: the sweep finds them.
 * @returns the decision taken and the complaint it was taken on, or undefined for no complaint.
 */
export async function updateComplaint<D extends { change?: ComplaintChange | undefined }>(
  table: Table,
  id: string,
  decide: (complaint: TComplaint) => D,
  /** The complaint as the caller just read it (consistently), to save the first read. */
  read?: TComplaint,
): Promise<{ decision: D; complaint: TComplaint } | undefined> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const complaint = attempt === 1 && read ? read : await getComplaint(table, id);
    if (!complaint) return undefined;
    const decision = decide(complaint);
    if (!decision.change || (await writeIf(table, changeWrite(table, complaint, decision.change)))) return { decision, complaint };
  }
  throw new Error('the complaint kept changing under this action');
}

function changeWrite(table: Table, read: TComplaint, change: ComplaintChange): UpdateCommandInput & { ConditionExpression: string } {
  const version = read.version ?? 0;
  const fields = Object.entries(change.set).filter(([, value]) => value !== undefined);
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':read': version, ':next': version + 1, ':event': [change.event] };
  const sets = ['#version = :next', 'history = list_append(history, :event)'];
  fields.forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  change.notify.forEach(({ key, ...recipient }, i) => {
    names[`#n${i}`] = key;
    values[`:n${i}`] = { state: 'pending', at: change.event.at, ...recipient };
    sets.push(`notified.#n${i} = :n${i}`);
  });
  if (change.closes) {
    values[':closed'] = keys.closedComplaints(change.event.at).gsi1pk;
    sets.push('gsi1pk = :closed');
  }
  return {
    TableName: table.name,
    Key: keys.complaint(read.id),
    UpdateExpression: `SET ${sets.join(', ')}`,
    // Complaints written before versions have none: version 0 is their absence.
    ConditionExpression: version === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(#version) OR #version = :read)' : 'attribute_exists(pk) AND #version = :read',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** A claim left by a sender that died is taken over after this long. */
export const STALE_CLAIM_MS = 5 * 60_000;

type Recipient = Pick<TNotification, 'to' | 'assignment'>;
const recipientOf = (entry: TNotification | undefined): Recipient => ({
  ...(entry?.to !== undefined ? { to: entry.to } : {}),
  ...(entry?.assignment !== undefined ? { assignment: entry.assignment } : {}),
});

/**
 * Claims the right to send one notification. Two deliveries of the same message race here,
 * and only one wins; a claim whose sender died is taken over after five minutes. The
 * recipient recorded with the change is kept.
 */
export function claimNotification(table: Table, id: string, key: string, entry: TNotification | undefined, at: Date): Promise<boolean> {
  return writeIf(table, {
    TableName: table.name,
    Key: keys.complaint(id),
    UpdateExpression: 'SET notified.#key = :claim',
    ConditionExpression:
      'attribute_exists(pk) AND (attribute_not_exists(notified.#key) OR notified.#key.#state = :pending OR (notified.#key.#state = :claimed AND notified.#key.#at < :stale))',
    ExpressionAttributeNames: { '#key': key, '#state': 'state', '#at': 'at' },
    ExpressionAttributeValues: {
      ':claim': { state: 'claimed', at: at.toISOString(), ...recipientOf(entry) },
      ':pending': 'pending',
      ':claimed': 'claimed',
      ':stale': new Date(at.getTime() - STALE_CLAIM_MS).toISOString(),
    },
  });
}

export async function completeNotification(table: Table, id: string, key: string, entry: TNotification | undefined, at: string): Promise<void> {
  await table.db.send(new UpdateCommand({
    TableName: table.name,
    Key: keys.complaint(id),
    UpdateExpression: 'SET notified.#key = :sent',
    ExpressionAttributeNames: { '#key': key },
    ExpressionAttributeValues: { ':sent': { state: 'sent', at, ...recipientOf(entry) } },
  }));
}

/** Gives a claim back after a failed send, so the retry can take it at once (and the sweep finds it, should the retries run out). */
export async function releaseNotification(table: Table, id: string, key: string, entry: TNotification | undefined, at: string): Promise<void> {
  await writeIf(table, {
    TableName: table.name,
    Key: keys.complaint(id),
    UpdateExpression: 'SET notified.#key = :pending',
    ConditionExpression: 'notified.#key.#state = :claimed',
    ExpressionAttributeNames: { '#key': key, '#state': 'state' },
    ExpressionAttributeValues: { ':claimed': 'claimed', ':pending': { state: 'pending', at, ...recipientOf(entry) } },
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
