import { createHash } from 'node:crypto';
import { LIST_SHARDS } from './table-design.ts';

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A stable shard for `id`, so the same contact always lands in the same list partition. */
export function shardOf(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % LIST_SHARDS;
}

/** Who a questionnaire is for: customers (contacts) or staff. */
export type Audience = 'customers' | 'staff';

/** Whom a figure is about: the whole company, one department or one staff member. */
export type Segment = { kind: 'company' } | { kind: 'department'; id: string } | { kind: 'staff'; email: string };

/** A segment as it appears in keys: `company`, `dept:<id>` or `staff:<email>`. */
export function segmentKey(segment: Segment): string {
  return segment.kind === 'company' ? 'company' : segment.kind === 'department' ? `dept:${segment.id}` : `staff:${segment.email}`;
}

/** The segment a key names, or undefined for text that is not one. */
export function parseSegmentKey(text: string): Segment | undefined {
  if (text === 'company') return { kind: 'company' };
  if (text.startsWith('dept:') && text.length > 5) return { kind: 'department', id: text.slice(5) };
  if (text.startsWith('staff:') && text.length > 6) return { kind: 'staff', email: text.slice(6) };
  return undefined;
}

/** Every item key the product writes is built here and nowhere else. */
export const keys = {
  contact: (email: string) => ({ pk: `CONTACT#${normalizeEmail(email)}`, sk: 'PROFILE' }),
  contactListing: (email: string) => ({ gsi1pk: `CONTACTS#${shardOf(normalizeEmail(email))}`, gsi1sk: normalizeEmail(email) }),
  contactShard: (shard: number) => ({ gsi1pk: `CONTACTS#${shard}` }),
  staff: (email: string) => ({ pk: `STAFF#${normalizeEmail(email)}`, sk: 'PROFILE' }),
  staffListing: (email: string) => ({ gsi1pk: `STAFF#${shardOf(normalizeEmail(email))}`, gsi1sk: normalizeEmail(email) }),
  staffShard: (shard: number) => ({ gsi1pk: `STAFF#${shard}` }),
  /** The profile of whoever an audience's questionnaire goes to. */
  recipient: (audience: Audience, email: string) => (audience === 'staff' ? keys.staff(email) : keys.contact(email)),
  recipientShard: (audience: Audience, shard: number) => (audience === 'staff' ? keys.staffShard(shard) : keys.contactShard(shard)),
  department: (departmentId: string) => ({ pk: `DEPT#${departmentId}`, sk: 'PROFILE' }),
  /** The list of departments: one small partition, since a business has tens of them, not thousands. */
  departmentListing: (departmentId: string) => ({ gsi1pk: 'DEPARTMENTS', gsi1sk: departmentId }),
  departments: () => ({ gsi1pk: 'DEPARTMENTS' }),
  suppression: (email: string) => ({ pk: `SUPPRESSION#${normalizeEmail(email)}`, sk: 'SUPPRESSION' }),
  wave: (questionnaireId: string, waveId: string) => ({ pk: `QUESTIONNAIRE#${questionnaireId}`, sk: `WAVE#${waveId}` }),
  wavesOf: (questionnaireId: string) => ({ pk: `QUESTIONNAIRE#${questionnaireId}`, skPrefix: 'WAVE#' }),
  /** Deterministic per (questionnaire, wave, contact): a repeated plan finds the same item. */
  invitation: (questionnaireId: string, waveId: string, email: string) => ({
    pk: `CONTACT#${normalizeEmail(email)}`,
    sk: `INVITATION#${questionnaireId}#${waveId}`,
  }),
  /** One response per invitation: a resubmission replaces it, so nothing is counted twice. */
  response: (questionnaireId: string, waveId: string, linkId: string) => ({ ...keys.responsesOf(questionnaireId, waveId), sk: `LINK#${linkId}` }),
  /**
   * An anonymous questionnaire's response, keyed by the random response id its link carries.
   * The invitation never stores that id, so no key, index or attribute joins the two.
   */
  anonymousResponse: (questionnaireId: string, waveId: string, responseId: string) => ({ ...keys.responsesOf(questionnaireId, waveId), sk: `ANON#${responseId}` }),
  /** A wave's responses, all in one partition. */
  responsesOf: (questionnaireId: string, waveId: string) => ({ pk: `RESPONSE#${questionnaireId}#${waveId}` }),
  /** A wave's responses, listed by shard: the period-keyed index the digest aggregates from. */
  responseListing: (questionnaireId: string, waveId: string, linkId: string) => ({
    gsi1pk: `RESPONSES#${questionnaireId}#${waveId}#${shardOf(linkId)}`,
    gsi1sk: linkId,
  }),
  responseShard: (questionnaireId: string, waveId: string, shard: number) => ({ gsi1pk: `RESPONSES#${questionnaireId}#${waveId}#${shard}` }),
  /** A period's figures for one segment; the sort key is the segment's key. */
  rollup: (questionnaireId: string, period: string, segment: string) => ({ pk: `ROLLUP#${questionnaireId}#${period}`, sk: segment }),
  rollupsOf: (questionnaireId: string, period: string) => ({ pk: `ROLLUP#${questionnaireId}#${period}` }),
  /** That a questionnaire's digest for a segment and period (2026-W48, or 2026-11 for staff) went out: one item per period. */
  digestSent: (questionnaireId: string, segment: Segment, period: string) => ({ pk: `DIGEST#${questionnaireId}#${segmentKey(segment)}`, sk: `SENT#${period}` }),
  digestsSentOf: (questionnaireId: string, segment: Segment) => ({ pk: `DIGEST#${questionnaireId}#${segmentKey(segment)}`, skPrefix: 'SENT#' }),
  /** Before digests were recorded per period, one item remembered the last period sent; still read, never written. */
  lastDigestSent: (questionnaireId: string, segment: Segment) => ({ pk: `DIGEST#${questionnaireId}#${segmentKey(segment)}`, sk: 'LAST' }),
  /** The questionnaire's benchmark marker: which wave was first. */
  benchmarkMarker: (questionnaireId: string) => keys.wave(questionnaireId, 'BENCHMARK'),
  complaint: (id: string) => ({ pk: `COMPLAINT#${id}`, sk: 'COMPLAINT' }),
  /** The complaint lists: open (and acknowledged) ones, and those closed in a month. */
  openComplaints: () => ({ gsi1pk: 'COMPLAINTS#OPEN' }),
  closedComplaints: (at: string) => ({ gsi1pk: `COMPLAINTS#CLOSED#${at.slice(0, 7)}` }),
  complaintListing: (createdAt: string, id: string) => ({ ...keys.openComplaints(), gsi1sk: `${createdAt}#${id}` }),
  invitationsOf: (email: string) => ({ pk: `CONTACT#${normalizeEmail(email)}`, skPrefix: 'INVITATION#' }),
  invitationByLinkId: (linkId: string) => ({ gsi2pk: `LINK#${linkId}`, gsi2sk: 'INVITATION' }),
  /** A wave's invitations, listed by shard (for reminders). */
  invitationListing: (questionnaireId: string, waveId: string, email: string) => ({
    gsi1pk: `INVITATIONS#${questionnaireId}#${waveId}#${shardOf(normalizeEmail(email))}`,
    gsi1sk: normalizeEmail(email),
  }),
  /** Dashboard links for a scope issued before this marker's time no longer open. */
  dashboardRevocation: (segment: Segment) => ({ pk: `DASHBOARD#${segmentKey(segment)}`, sk: 'REVOKED' }),
  /** A webhook or chat channel switched off because its receiver answered 410 Gone. */
  disabledDestination: (id: string) => ({ pk: `INTEGRATION#${id}`, sk: 'DISABLED' }),
  invitationShard: (questionnaireId: string, waveId: string, shard: number) => ({ gsi1pk: `INVITATIONS#${questionnaireId}#${waveId}#${shard}` }),
} as const;

/** Questionnaire, wave and link id (or, anonymous, response id) of a stored response, read from its key. */
export function parseResponseKey(item: { pk?: unknown; sk?: unknown }): { questionnaireId: string; waveId: string } & ({ linkId: string } | { responseId: string }) {
  const [, questionnaireId = '', waveId = ''] = String(item.pk).split('#');
  const sk = String(item.sk);
  return sk.startsWith('ANON#') ? { questionnaireId, waveId, responseId: sk.slice(5) } : { questionnaireId, waveId, linkId: sk.replace(/^LINK#/, '') };
}

/** Questionnaire and wave of a stored invitation, read from its sort key (`INVITATION#<questionnaire>#<wave>`). */
export function parseInvitationKey(item: { sk?: unknown }): { questionnaireId: string; waveId: string } {
  const [, questionnaireId = '', waveId = ''] = String(item.sk).split('#');
  return { questionnaireId, waveId };
}

/** Whether an item (a stream image) is a stored response, told by its key. */
export function isResponseItem(item: { pk?: unknown }): boolean {
  return String(item.pk).startsWith('RESPONSE#');
}

/** Questionnaire and segment of a last-digest item, read from its key (`DIGEST#<questionnaire>#<segment>`). */
export function parseDigestSentKey(item: { pk?: unknown }): { questionnaireId: string; segment: Segment | undefined } {
  const [, questionnaireId = '', ...segment] = String(item.pk).split('#');
  return { questionnaireId, segment: parseSegmentKey(segment.join('#')) };
}
