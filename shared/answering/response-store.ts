import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TInvitation } from '../invitations/invitation-store.ts';
import { keys, parseResponseKey } from '../platform/table/keys.ts';
import { conditionalWrite, WRITE_TOKEN_ATTRIBUTE, writeIf, type Table } from '../platform/table/table-client.ts';
import { listAll } from '../platform/table/list-index.ts';
import type { TAnswers } from '../questionnaires/answer-schema.ts';
import { DEFAULT_RESPONSE_RETENTION_DAYS } from './answering-settings.ts';
import { confirmationHoldReason, mayReplace, type ClickEvidence, type Confirmation, type HoldReason, type RecentClicks, type StoredHeadline } from './one-click.ts';

/**
 * Responses are keyed by the invitation (questionnaire, wave, link id), so a second
 * submission of the same invitation replaces the first and is counted once. A response holds
 * no identity and no attribution at all: everything it needs arrives in the signed link, so
 * storing it is one write with no read. Attribution (staff member, department) is joined
 * from the invitation when a period is aggregated.
 *
 * Anonymous questionnaires are the exception: their response is keyed by the random response
 * id its link carries, which the invitation never stores, and it keeps its own attribution
 * (department; for customers, the staff member who served them), since no join back to the
 * invitation exists (`anonymous-answer.ts`).
 */
export interface ResponseKeyParts {
  readonly questionnaireId: string;
  readonly waveId: string;
  readonly linkId: string;
  /** Anonymous questionnaires: the key instead of the link id. */
  readonly responseId?: string | undefined;
  /** Anonymous questionnaires: stored on the response itself (there is no invitation to join). */
  readonly attribution?: { readonly departmentId?: string | undefined; readonly staffEmail?: string | undefined } | undefined;
}
function responseKey(invitation: Pick<ResponseKeyParts, 'questionnaireId' | 'waveId' | 'linkId' | 'responseId'>) {
  return invitation.responseId
    ? keys.anonymousResponse(invitation.questionnaireId, invitation.waveId, invitation.responseId)
    : keys.response(invitation.questionnaireId, invitation.waveId, invitation.linkId);
}

export interface TResponse {
  questionnaireId: string;
  waveId: string;
  linkId?: string;
  responseId?: string;
  /** Joined from the invitation at aggregation; stored on the response only for anonymous questionnaires. */
  staffEmail?: string;
  departmentId?: string;
  headlineScore?: number;
  headlineSource?: 'one-click' | 'form';
  /** Present while a one-click score is held as a suspected scanner fetch. */
  headlineHeld?: HoldReason;
  /** What confirmed a one-click score: the page stayed visible, or a person touched it. */
  confirmedBy?: ClickEvidence;
  /** The latest confirmation time of each one-click score. */
  recentClicks?: RecentClicks;
  /** Set by the privacy `forget`: the invitation's links do nothing any more. */
  forgottenAt?: string;
  answers?: Omit<TAnswers, 'headline'>;
  submittedAt?: string;
  firstAnsweredAt: string;
  answeredAt: string;
}

function attribution(invitation: ResponseKeyParts, at: string, retentionDays = DEFAULT_RESPONSE_RETENTION_DAYS) {
  const id = invitation.responseId ?? invitation.linkId;
  const { departmentId, staffEmail } = invitation.attribution ?? {};
  return {
    ':expires': Math.floor(Date.parse(at) / 1000) + retentionDays * 86_400,
    ':at': at,
    ':listPk': keys.responseListing(invitation.questionnaireId, invitation.waveId, id).gsi1pk,
    ':listSk': id,
    ...(departmentId ? { ':dept': departmentId } : {}),
    ...(staffEmail ? { ':staff': staffEmail } : {}),
  };
}
// Questionnaire, wave and link id are in the key: not repeated, since every byte is read again at aggregation.
function setAttribution(invitation: ResponseKeyParts): string {
  const { departmentId, staffEmail } = invitation.attribution ?? {};
  return [
    'firstAnsweredAt = if_not_exists(firstAnsweredAt, :at), gsi1pk = :listPk, gsi1sk = :listSk, expiresAt = :expires',
    ...(departmentId ? ['departmentId = :dept'] : []),
    ...(staffEmail ? ['staffEmail = :staff'] : []),
  ].join(', ');
}

/** A one-click confirmation's outcome: refused because the person was forgotten, or recorded (counted unless held). */
export type OneClickOutcome = { forgotten: true } | { forgotten: false; hold: HoldReason | undefined; replaced: boolean };

/**
 * Concurrent confirmations of one invitation (a scanner opening every score at once) are
 * applied one at a time: each reads the item, decides, and writes only if the item is still
 * as it read it. Every round of a conflict lets one writer through, and a jittered pause
 * spreads the rest, so two scanners' full bursts at once (22 writers) still all land.
 */
const CONFIRM_ATTEMPTS = 25;
const conflictPause = (attempt: number) => new Promise((resume) => setTimeout(resume, Math.random() * 5 * attempt));

/**
 * Records a one-click score confirmed by the answer page's script (see `one-click.ts`): the
 * score's confirmation time is kept, and the headline changes when `mayReplace` allows it,
 * held when the confirmation looks like a scanner's. Nothing is written for a forgotten person.
 */
export async function recordOneClick(
  table: Table,
  invitation: ResponseKeyParts,
  click: { score: number; at: string; evidence?: ClickEvidence; holdReason?: HoldReason; retentionDays?: number },
): Promise<OneClickOutcome> {
  const key = responseKey(invitation);
  const confirmation: Confirmation = { score: click.score, at: click.at, evidence: click.evidence ?? 'seen', ...(click.holdReason ? { requestHold: click.holdReason } : {}) };
  for (let attempt = 1; ; attempt++) {
    const { Item: item } = await table.db.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
    if (item?.['forgottenAt'] !== undefined) return { forgotten: true };
    // A submitted form is final for one-click scores: nothing to record.
    if (item?.['submittedAt'] !== undefined) return { forgotten: false, hold: undefined, replaced: false };
    const recentClicks: RecentClicks = { ...(item?.['recentClicks'] as RecentClicks | undefined), [String(click.score)]: click.at };
    const hold = confirmationHoldReason(confirmation, recentClicks);
    const replaced = mayReplace(storedHeadline(item), confirmation, hold);
    const version = item?.[WRITE_TOKEN_ATTRIBUTE];
    const headline = replaced ? `, headlineScore = :score, headlineSource = :source, answeredAt = :at, confirmedBy = :evidence${hold ? ', headlineHeld = :held' : ''}` : '';
    // The list of clicks written before the per-score times goes at the first confirmation.
    const removed = [...(replaced && !hold ? ['headlineHeld'] : []), ...(item?.['clicks'] !== undefined ? ['clicks'] : [])];
    const written = await writeIf(table, {
      TableName: table.name,
      Key: key,
      UpdateExpression: `SET ${setAttribution(invitation)}, recentClicks = :recent${headline}${removed.length ? ` REMOVE ${removed.join(', ')}` : ''}`,
      // The item is as it was read (its write token is its version), and not forgotten or submitted meanwhile.
      ConditionExpression: item
        ? `attribute_not_exists(forgottenAt) AND attribute_not_exists(submittedAt) AND ${version === undefined ? 'attribute_not_exists(#version)' : '#version = :version'}`
        : 'attribute_not_exists(pk)',
      ...(item ? { ExpressionAttributeNames: { '#version': WRITE_TOKEN_ATTRIBUTE } } : {}),
      ExpressionAttributeValues: {
        ...attribution(invitation, click.at, click.retentionDays),
        ':recent': recentClicks,
        ...(replaced ? { ':score': click.score, ':source': 'one-click', ':evidence': confirmation.evidence, ...(hold ? { ':held': hold } : {}) } : {}),
        ...(version !== undefined ? { ':version': version } : {}),
      },
    });
    if (written) return { forgotten: false, hold, replaced };
    if (attempt >= CONFIRM_ATTEMPTS) return { forgotten: false, hold, replaced: false };
    await conflictPause(attempt);
  }
}

/** The stored headline, as the one-click replacement rule sees it. */
function storedHeadline(item: Record<string, unknown> | undefined): StoredHeadline {
  const evidence = item?.['confirmedBy'];
  return {
    submitted: item?.['submittedAt'] !== undefined,
    held: item?.['headlineHeld'] !== undefined,
    ...(typeof item?.['headlineScore'] === 'number' ? { score: item['headlineScore'] } : {}),
    ...(evidence === 'touched' || evidence === 'seen' ? { evidence } : {}),
    ...(typeof item?.['answeredAt'] === 'string' ? { at: item['answeredAt'] } : {}),
  };
}

/**
 * Stores a submitted form: it replaces any earlier submission and confirms the headline score.
 * @returns false, writing nothing, when the person has been forgotten (their links do nothing).
 */
export async function recordSubmission(table: Table, invitation: ResponseKeyParts, answers: TAnswers, options: { at: string; retentionDays?: number }): Promise<boolean> {
  const { headline, ...rest } = answers;
  return writeIf(table, {
    TableName: table.name,
    Key: responseKey(invitation),
    UpdateExpression: `SET ${setAttribution(invitation)}, headlineScore = :score, headlineSource = :source, answers = :answers, answeredAt = :at, submittedAt = :at REMOVE headlineHeld`,
    ConditionExpression: 'attribute_not_exists(forgottenAt)',
    ExpressionAttributeValues: { ...attribution(invitation, options.at, options.retentionDays), ':score': headline, ':source': 'form', ':answers': storedAnswers(rest) },
  });
}

type Ratings = TAnswers['values'][string];
type Answers = Omit<TAnswers, 'headline'>;

/**
 * Answers as stored. Every response is read again at each aggregation, so its size is the
 * digest's cost: each value's three ratings are one short string (`"5,4,dk"`, empty where
 * not answered) instead of a map that repeats "importance", "performance" and "competitor",
 * and empty probes and an unticked complaint box are left out. A fully answered response is
 * about 600 bytes instead of 970.
 */
export function storedAnswers(answers: Answers): Record<string, unknown> {
  const { values, probes, complaintRequested, ...rest } = answers;
  return {
    ...rest,
    values: Object.fromEntries(Object.entries(values).map(([id, r]) => [id, [r.importance ?? '', r.performance ?? '', r.competitor ?? ''].join(',')])),
    ...(Object.keys(probes).length > 0 ? { probes } : {}),
    ...(complaintRequested ? { complaintRequested } : {}),
  };
}

/** The stored form back as the domain's answers; maps of ratings written before the compact form are read as they are. */
export function answersFromStored(stored: Record<string, unknown>): Answers {
  const values = (stored['values'] ?? {}) as Record<string, string | Ratings>;
  return {
    ...(stored as Partial<Answers>),
    values: Object.fromEntries(Object.entries(values).map(([id, r]) => [id, typeof r === 'string' ? ratingsFrom(r) : r])),
    probes: (stored['probes'] ?? {}) as Answers['probes'],
    standards: (stored['standards'] ?? {}) as Answers['standards'],
    complaintRequested: stored['complaintRequested'] === true,
  };
}

function ratingsFrom(text: string): Ratings {
  const [importance, performance, competitor] = text.split(',');
  return {
    ...(importance ? { importance: Number(importance) } : {}),
    ...(performance ? { performance: Number(performance) } : {}),
    ...(competitor ? { competitor: competitor === 'dk' ? 'dk' : Number(competitor) } : {}),
  };
}

export async function getResponse(table: Table, invitation: Pick<ResponseKeyParts, 'questionnaireId' | 'waveId' | 'linkId' | 'responseId'>): Promise<TResponse | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: responseKey(invitation), ConsistentRead: true }));
  return Item ? responseFromItem(Item) : undefined;
}

/** A stored response item as the domain sees it: questionnaire, wave and link id come from its key. */
export function responseFromItem(Item: Record<string, unknown>): TResponse {
  // Keys, index keys and the write token are storage's business, not the response's.
  const { pk: _pk, sk: _sk, gsi1pk: _listPk, gsi1sk: _listSk, [WRITE_TOKEN_ATTRIBUTE]: _token, ...fields } = Item;
  const answers = Item['answers'] as Record<string, unknown> | undefined;
  return {
    ...(fields as unknown as TResponse),
    ...parseResponseKey(Item),
    ...(answers ? { answers: answersFromStored(answers) } : {}),
  };
}

/** Whether the invitation has been answered in a way that counts (a held scanner fetch does not). */
export async function hasResponse(table: Table, invitation: ResponseKeyParts): Promise<boolean> {
  const response = await getResponse(table, invitation);
  return response?.headlineScore !== undefined && response.headlineHeld === undefined;
}

/** One shard of a wave's responses, item by item; `usage` receives the read units. */
export async function* waveResponses(table: Table, questionnaireId: string, waveId: string, shard: number, usage?: { readUnits: number }): AsyncGenerator<TResponse> {
  for await (const item of listAll(table, keys.responseShard(questionnaireId, waveId, shard).gsi1pk, usage)) yield responseFromItem(item);
}

/** A forgotten invitation's marker outlives its links, which work at most a year. */
const FORGOTTEN_MARKER_DAYS = 366;

/**
 * Removes what a response says about its respondent (the privacy `forget`): the comment and
 * the probes go, the scores stay, so aggregates do not change. The response is marked
 * forgotten — one is written if the invitation was never answered — so the person's old
 * links show the neutral page and store nothing more.
 */
export async function forgetResponse(table: Table, invitation: ResponseKeyParts, at: string): Promise<void> {
  const forgotten = await writeIf(table, {
    TableName: table.name,
    Key: responseKey(invitation),
    UpdateExpression: 'SET forgottenAt = :forgotten, answers.probes = :none REMOVE answers.#comment',
    ConditionExpression: 'attribute_exists(answers)',
    ExpressionAttributeNames: { '#comment': 'comment' },
    ExpressionAttributeValues: { ':forgotten': at, ':none': {} },
  });
  // A one-click response has no answers map, and an unanswered invitation no response: only the date is recorded.
  if (!forgotten) {
    await table.db.send(new UpdateCommand({
      TableName: table.name,
      Key: responseKey(invitation),
      UpdateExpression: 'SET forgottenAt = :forgotten, expiresAt = if_not_exists(expiresAt, :expires)',
      ExpressionAttributeValues: { ':forgotten': at, ':expires': Math.floor(Date.parse(at) / 1000) + FORGOTTEN_MARKER_DAYS * 86_400 },
    }));
  }
}

/** Deletes a response outright: only for the synthetic one `feedback check` stored (`forget` keeps a real one's scores). */
export async function deleteResponse(table: Table, invitation: ResponseKeyParts): Promise<boolean> {
  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: responseKey(invitation), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}
