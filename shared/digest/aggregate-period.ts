import type { Table } from '../platform/table/table-client.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { keys } from '../platform/table/keys.ts';
import { LIST_SHARDS } from '../platform/table/table-design.ts';
import { listAll, partitionItems } from '../platform/table/list-index.ts';
import { responseFromItem } from '../answering/response-store.ts';
import { batchWrite } from '../platform/table/batch-write.ts';
import { addResponse, counts, emptyRollup, segments, type Rollup } from './rollup.ts';

export interface AggregationResult {
  rollups: Rollup[];
  /** Responses read, and how many counted (held one-click scores do not). */
  read: number;
  counted: number;
  /** DynamoDB read capacity consumed, for the benchmark. */
  readUnits: number;
}

/** Comments are capped in rollups: the digest quotes them, it does not archive them. */
const COMMENT_CHARS = 1000;

/**
 * One pass over a period's responses and invitations — the sharded period index, shards
 * read in parallel — into rollups for the company, each department and each staff member.
 * Running it again for the same period replaces its rollups, so edited responses count as
 * edited and nothing is counted twice.
 */
export async function aggregatePeriod(table: Table, questionnaire: TQuestionnaire, period: string): Promise<AggregationResult> {
  const kind = questionnaire.headline.kind;
  const bySegment = new Map<string, Rollup>();
  const rollupFor = (segment: string) => {
    let rollup = bySegment.get(segment);
    if (!rollup) bySegment.set(segment, (rollup = emptyRollup(segment, kind)));
    return rollup;
  };
  const segmentsOf = (item: { staffEmail?: string | null | undefined; departmentId?: string | null | undefined }) => [
    segments.company,
    ...(item.departmentId ? [segments.department(item.departmentId)] : []),
    ...(item.staffEmail ? [segments.staff(item.staffEmail)] : []),
  ];
  const result: AggregationResult = { rollups: [], read: 0, counted: 0, readUnits: 0 };

  // Attribution lives on the invitation, not the response (a response is written from the
  // link alone): read the period's invitations first, then join each response to its own.
  const attribution = new Map<string, { staffEmail?: string; departmentId?: string }>();
  await Promise.all(
    Array.from({ length: LIST_SHARDS }, async (_, shard) => {
      for await (const item of listAll(table, keys.invitationShard(questionnaire.id, period, shard).gsi1pk, result)) {
        const invitation = { staffEmail: item['staffEmail'] as string | undefined, departmentId: item['departmentId'] as string | undefined };
        attribution.set(String(item['linkId']), invitation);
        if (item['status'] !== 'sent') continue;
        for (const segment of segmentsOf(invitation)) rollupFor(segment).delivered++;
      }
    }),
  );
  await Promise.all(
    Array.from({ length: LIST_SHARDS }, async (_, shard) => {
      for await (const item of listAll(table, keys.responseShard(questionnaire.id, period, shard).gsi1pk, result)) {
        result.read++;
        const stored = responseFromItem(item);
        const response = { ...stored, ...attribution.get(stored.linkId!) };
        if (!counts(response)) continue;
        result.counted++;
        if (response.answers?.comment && response.answers.comment.length > COMMENT_CHARS) {
          response.answers = { ...response.answers, comment: `${response.answers.comment.slice(0, COMMENT_CHARS)}…` };
        }
        for (const segment of segmentsOf(response)) addResponse(rollupFor(segment), response);
      }
    }),
  );
  result.rollups = [...bySegment.values()].sort((a, b) => a.segment.localeCompare(b.segment));
  await replaceRollups(table, questionnaire.id, period, result.rollups);
  return result;
}

/**
 * The period's rollups: one Query however many responses the period had. `usage`, when
 * given, receives the read units consumed (the benchmark and tests check they stay flat).
 */
export async function readRollups(table: Table, questionnaireId: string, period: string, usage?: { readUnits: number }): Promise<Rollup[]> {
  const rollups: Rollup[] = [];
  for await (const item of partitionItems(table, keys.rollupsOf(questionnaireId, period), usage ? { usage } : {})) rollups.push(item['rollup'] as Rollup);
  return rollups;
}

async function replaceRollups(table: Table, questionnaireId: string, period: string, rollups: Rollup[]): Promise<void> {
  const keep = new Set(rollups.map((r) => r.segment));
  const stale = (await readRollups(table, questionnaireId, period)).filter((r) => !keep.has(r.segment));
  await batchWrite(table, [
    ...stale.map((r) => ({ DeleteRequest: { Key: keys.rollup(questionnaireId, period, r.segment) } })),
    ...rollups.map((r) => ({ PutRequest: { Item: { ...keys.rollup(questionnaireId, period, r.segment), kind: 'rollup', questionnaireId, period, rollup: r } } })),
  ]);
}
