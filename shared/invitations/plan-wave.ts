import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import { lastInvitedAsOther, listRecipientsPage, markInvited, type TRecipient } from '../people/contact-store.ts';
import { createInvitation, existingInvitations, type TInvitation, type TSendRequest } from './invitation-store.ts';
import { normalizeEmail } from '../platform/table/keys.ts';
import { suppressedAmong } from '../people/suppression-store.ts';
import { openWave } from './wave-store.ts';
import { LIST_SHARDS } from '../platform/table/table-design.ts';
import { newLinkId } from '../platform/tokens/link-token.ts';
import { eligibility, type Eligibility, type PlanningRules } from './eligibility.ts';
import { waveIdFor } from '../platform/schedule/wave-id.ts';
import { valueRotation } from '../questionnaires/value-rotation.ts';

/** Shards planned concurrently. */
const SHARDS_AT_ONCE = 4;

export interface PlanWaveInput {
  readonly table: Table;
  readonly queue: MessageQueue<TSendRequest>;
  readonly questionnaire: TQuestionnaire;
  readonly rules: PlanningRules;
  readonly timeZone: string;
  readonly now: Date;
}

export interface PlanSummary {
  questionnaireId: string;
  waveId: string;
  benchmark: boolean;
  considered: number;
  queued: number;
  /** Due contacts whose invitation this wave already had (a repeated run). */
  alreadyInvited: number;
  skipped: Record<Extract<Eligibility, { due: false }>['because'], number>;
}

/**
 * Plans this week's wave of one questionnaire: pages through every shard of its audience
 * (customers or staff), writes one invitation per due
 * contact (keyed by questionnaire, wave and contact, so a rerun writes nothing new) and
 * queues it for sending. An invitation that exists but was never sent (a crash between
 * write and queue) is queued again: the sender refuses to send one twice.
 */
export async function planWave(input: PlanWaveInput): Promise<PlanSummary> {
  const { table, questionnaire, now } = input;
  const at = now.toISOString();
  const wave = await openWave(table, questionnaire.id, waveIdFor(now, input.timeZone), at);
  const summary: PlanSummary = {
    questionnaireId: questionnaire.id,
    waveId: wave.waveId,
    benchmark: wave.benchmark,
    considered: 0,
    queued: 0,
    alreadyInvited: 0,
    skipped: { unsubscribed: 0, suppressed: 0, 'frequency-cap': 0, 'not-due': 0 },
  };

  // One rotation for the run: each department's invitations take the values in turn.
  const rotation = valueRotation(questionnaire, wave.waveId);
  // Shards are independent partitions: read a few at once, so a large list plans in minutes.
  const planShard = async (shard: number) => {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await listRecipientsPage(table, questionnaire.audience, shard, cursor);
      cursor = page.cursor;
      // Three batched reads per page (existing invitations, suppressions, the other audience's sends) instead of three reads per contact.
      const emails = page.recipients.map((r) => r.email);
      const [invited, suppressed, asOther] = await Promise.all([
        existingInvitations(table, questionnaire.id, wave.waveId, emails),
        suppressedAmong(table, emails),
        lastInvitedAsOther(table, questionnaire.audience, emails),
      ]);
      const known = { invited, suppressed, asOther };
      const outcomes = await Promise.all(page.recipients.map((recipient) => planRecipient(input, wave.waveId, recipient, at, known, rotation)));
      const toQueue: TSendRequest[] = [];
      for (const outcome of outcomes) {
        summary.considered++;
        if (outcome.kind === 'skipped') summary.skipped[outcome.because]++;
        else if (outcome.kind === 'already-sent') summary.alreadyInvited++;
        else toQueue.push(outcome.request);
      }
      await input.queue.send(toQueue);
      summary.queued += toQueue.length;
    } while (cursor);
  };
  for (let first = 0; first < LIST_SHARDS; first += SHARDS_AT_ONCE) {
    // Let every shard of the group finish before failing, so no work carries on after the run has failed.
    const results = await Promise.allSettled(Array.from({ length: Math.min(SHARDS_AT_ONCE, LIST_SHARDS - first) }, (_, i) => planShard(first + i)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }
  return summary;
}

type ContactOutcome =
  | { kind: 'skipped'; because: Extract<Eligibility, { due: false }>['because'] }
  | { kind: 'already-sent' }
  | { kind: 'queue'; request: TSendRequest };

async function planRecipient(
  input: PlanWaveInput,
  waveId: string,
  contact: TRecipient,
  at: string,
  known: { invited: ReadonlyMap<string, TInvitation>; suppressed: ReadonlySet<string>; asOther: ReadonlyMap<string, string> },
  rotation: ReturnType<typeof valueRotation>,
): Promise<ContactOutcome> {
  const base: TSendRequest = { kind: 'invitation', questionnaireId: input.questionnaire.id, waveId, email: contact.email };
  // Values are taken from the rotation only for an invitation that will be queued, so skipped contacts leave no gaps.
  const withValues = (departmentId: string | undefined): TSendRequest => {
    const valueIds = rotation.next(departmentId);
    return valueIds ? { ...base, valueIds } : base;
  };
  const existing = known.invited.get(normalizeEmail(contact.email));
  if (existing?.status === 'queued') {
    // A run that failed between writing the invitation and marking the contact finishes the
    // job here, or the frequency cap would not know of this invitation next week.
    if ((contact.lastInvitedAt ?? '') < existing.createdAt) await markInvited(input.table, input.questionnaire.audience, contact.email, existing.createdAt);
    return { kind: 'queue', request: withValues(existing.departmentId) };
  }
  if (existing) return { kind: 'already-sent' };

  const suppressed = known.suppressed.has(normalizeEmail(contact.email));
  const verdict = eligibility(contact, suppressed, input.now, input.rules, known.asOther.get(normalizeEmail(contact.email)));
  if (!verdict.due) return { kind: 'skipped', because: verdict.because };

  const request = withValues(contact.departmentId);
  const created = await createInvitation(input.table, {
    audience: input.questionnaire.audience,
    questionnaireId: request.questionnaireId,
    waveId,
    email: contact.email,
    name: contact.name,
    language: contact.language,
    // A staff member answering their own questionnaire must not be attributed to themselves.
    ...(input.questionnaire.audience === 'customers' && contact.staffEmail ? { staffEmail: contact.staffEmail } : {}),
    ...(contact.departmentId ? { departmentId: contact.departmentId } : {}),
    linkId: newLinkId(),
    ...(input.questionnaire.anonymous ? { anonymous: true } : {}),
    status: 'queued',
    createdAt: at,
  });
  if (created) await markInvited(input.table, input.questionnaire.audience, contact.email, at);
  return { kind: 'queue', request };
}
