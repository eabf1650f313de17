import type { Table } from '../platform/table/table-client.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { segmentKey } from '../platform/table/keys.ts';
import { LIST_SHARDS } from '../platform/table/table-design.ts';
import { waveAttributions } from '../invitations/invitation-store.ts';
import { waveResponses } from '../answering/response-store.ts';
import { replaceRollups } from './digest-store.ts';
import { addResponse, counts, emptyRollup, type Rollup } from './rollup.ts';
import { withoutSmallGroups } from './small-groups.ts';

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
    segmentKey({ kind: 'company' }),
    ...(item.departmentId ? [segmentKey({ kind: 'department', id: item.departmentId })] : []),
    ...(item.staffEmail ? [segmentKey({ kind: 'staff', email: item.staffEmail })] : []),
  ];
  const result: AggregationResult = { rollups: [], read: 0, counted: 0, readUnits: 0 };

  // Attribution lives on the invitation, not the response (a response is written from the
  // link alone): read the period's invitations first, then join each response to its own.
  const attribution = new Map<string, { staffEmail?: string; departmentId?: string }>();
  await Promise.all(
    Array.from({ length: LIST_SHARDS }, async (_, shard) => {
      for await (const { linkId, sent, ...invitation } of waveAttributions(table, questionnaire.id, period, shard, result)) {
        attribution.set(linkId, invitation);
        if (!sent) continue;
        for (const segment of segmentsOf(invitation)) rollupFor(segment).delivered++;
      }
    }),
  );
  await Promise.all(
    Array.from({ length: LIST_SHARDS }, async (_, shard) => {
      for await (const stored of waveResponses(table, questionnaire.id, period, shard, result)) {
        result.read++;
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
  const rollups = [...bySegment.values()].sort((a, b) => a.segment.localeCompare(b.segment));
  // Anonymous answers from a department too small to hide in count for the company only.
  result.rollups = questionnaire.anonymous ? withoutSmallGroups(rollups, questionnaire.minimumGroupSize) : rollups;
  await replaceRollups(table, questionnaire.id, period, result.rollups);
  return result;
}
