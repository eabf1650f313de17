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

/** Every item key the product writes is built here and nowhere else. */
export const keys = {
  contact: (email: string) => ({ pk: `CONTACT#${normalizeEmail(email)}`, sk: 'PROFILE' }),
  contactListing: (email: string) => ({ gsi1pk: `CONTACTS#${shardOf(normalizeEmail(email))}`, gsi1sk: normalizeEmail(email) }),
  contactShard: (shard: number) => ({ gsi1pk: `CONTACTS#${shard}` }),
  staff: (email: string) => ({ pk: `STAFF#${normalizeEmail(email)}`, sk: 'PROFILE' }),
  staffListing: (departmentId: string, email: string) => ({ gsi1pk: `DEPT#${departmentId}`, gsi1sk: `STAFF#${normalizeEmail(email)}` }),
  department: (departmentId: string) => ({ pk: `DEPT#${departmentId}`, sk: 'PROFILE' }),
  suppression: (email: string) => ({ pk: `SUPPRESSION#${normalizeEmail(email)}`, sk: 'SUPPRESSION' }),
  wave: (questionnaireId: string, waveId: string) => ({ pk: `QUESTIONNAIRE#${questionnaireId}`, sk: `WAVE#${waveId}` }),
  wavesOf: (questionnaireId: string) => ({ pk: `QUESTIONNAIRE#${questionnaireId}`, skPrefix: 'WAVE#' }),
  /** Deterministic per (questionnaire, wave, contact): a repeated plan finds the same item. */
  invitation: (questionnaireId: string, waveId: string, email: string) => ({
    pk: `CONTACT#${normalizeEmail(email)}`,
    sk: `INVITATION#${questionnaireId}#${waveId}`,
  }),
  invitationByLinkId: (linkId: string) => ({ gsi2pk: `LINK#${linkId}`, gsi2sk: 'INVITATION' }),
} as const;
