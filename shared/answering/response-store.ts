import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys, parseResponseKey } from '../platform/table/keys.ts';
import { conditionalWrite, WRITE_TOKEN_ATTRIBUTE, writeIf, type Table } from '../platform/table/table-client.ts';
import { listAll } from '../platform/table/list-index.ts';
import type { TAnswers } from '../questionnaires/answer-schema.ts';
import { DEFAULT_RESPONSE_RETENTION_DAYS } from './answering-settings.ts';
import { severalScoresAround, type Click, type HoldReason } from './one-click.ts';

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
  clicks?: Click[];
  answers?: Omit<TAnswers, 'headline'>;
  submittedAt?: string;
  firstAnsweredAt: string;
  answeredAt: string;
}

/** At most this many clicks are kept per response: enough to judge a scanner burst. */
const MAX_CLICKS = 20;


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

/**
 * Records a score clicked in the email. The click is always kept (for the scanner rule);
 * the headline score only changes while the customer has not submitted the form, and it is
 * held when this fetch, or the clicks around it, look like a scanner.
 * @returns the hold reason, or undefined when the score counts.
 */
export async function recordOneClick(
  table: Table,
  invitation: ResponseKeyParts,
  click: { score: number; at: string; holdReason?: HoldReason; retentionDays?: number },
): Promise<HoldReason | undefined> {
  const key = responseKey(invitation);
  const appended = await conditionalWrite(table, {
    TableName: table.name,
    Key: key,
    UpdateExpression: `SET ${setAttribution(invitation)}, clicks = list_append(if_not_exists(clicks, :none), :click)`,
    ConditionExpression: 'attribute_not_exists(clicks) OR size(clicks) < :max',
    ExpressionAttributeValues: { ...attribution(invitation, click.at, click.retentionDays), ':none': [], ':click': [{ score: click.score, at: click.at }], ':max': MAX_CLICKS },
    ReturnValues: 'ALL_NEW',
  });
  // Past the cap: this invitation's links are being fetched in bulk.
  if (!appended.written) return 'several-scores';
  const clicks = (appended.item?.['clicks'] as Click[] | undefined) ?? [];
  const holdReason = click.holdReason ?? (severalScoresAround(clicks, click.at) ? 'several-scores' : undefined);
  await writeIf(table, {
    TableName: table.name,
    Key: key,
    UpdateExpression: holdReason
      ? 'SET headlineScore = :score, headlineSource = :source, answeredAt = :at, headlineHeld = :held'
      : 'SET headlineScore = :score, headlineSource = :source, answeredAt = :at REMOVE headlineHeld',
    ConditionExpression: 'attribute_not_exists(submittedAt)',
    ExpressionAttributeValues: { ':score': click.score, ':source': 'one-click', ':at': click.at, ...(holdReason ? { ':held': holdReason } : {}) },
  });
  return holdReason;
}

/** Stores a submitted form: it replaces any earlier submission and confirms the headline score. */
export async function recordSubmission(table: Table, invitation: ResponseKeyParts, answers: TAnswers, options: { at: string; retentionDays?: number }): Promise<void> {
  const { headline, ...rest } = answers;
  await table.db.send(new UpdateCommand({
    TableName: table.name,
    Key: responseKey(invitation),
    UpdateExpression: `SET ${setAttribution(invitation)}, headlineScore = :score, headlineSource = :source, answers = :answers, answeredAt = :at, submittedAt = :at REMOVE headlineHeld`,
    ExpressionAttributeValues: { ...attribution(invitation, options.at, options.retentionDays), ':score': headline, ':source': 'form', ':answers': storedAnswers(rest) },
  }));
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

/**
 * Removes what a response says about its respondent (the privacy `forget`): the comment and
 * the probes go, the scores stay, so aggregates do not change.
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
  // A one-click response has no answers map: only the date is recorded.
  if (!forgotten) {
    await table.db.send(new UpdateCommand({ TableName: table.name, Key: responseKey(invitation), UpdateExpression: 'SET forgottenAt = :forgotten', ExpressionAttributeValues: { ':forgotten': at } }));
  }
}
