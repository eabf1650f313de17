import { createHash } from 'node:crypto';
import type { TQuestionnaire } from './questionnaire-schema.ts';

/**
 * Matrix sampling of the values. The practice asks about ten values rated three ways; asked
 * of every customer that is over 30 questions, so each invitation asks a few values and the
 * wave as a whole asks all of them, about equally often in every department.
 *
 * The rotation is cyclic: within one wave and department, the i-th invitation planned asks
 * the `k` values starting at position `offset + i·k` (wrapping round), so after any number of
 * invitations no value has been asked more than once more than any other. The `offset` is a
 * hash of wave and department, so small departments (one or two invitations a week) do not
 * all start with the first values, and the values first in the list do not gain every week.
 * The counter lives in the planning run's memory: no table item, no write per invitation,
 * and nothing that ties a response to a person (the choice travels in the signed link only,
 * so anonymous questionnaires keep their promise). A plan rerun after a crash starts its
 * counters again, which can tilt that wave by a few invitations; the next wave starts fresh.
 */

/** The most questions a page asks with the default `valuesPerResponse` (the headline included, the opt-in complaint box not). */
export const MAX_PAGE_QUESTIONS = 12;

/** Questions each value adds: importance and performance, and the competitor when one is named. */
export function questionsPerValue(questionnaire: TQuestionnaire): number {
  return questionnaire.mainCompetitor ? 3 : 2;
}

/** Questions asked whatever values are shown: headline, comparison, standards, comment. */
function fixedQuestions(questionnaire: TQuestionnaire): number {
  return 1 + (questionnaire.competitorComparison && questionnaire.mainCompetitor ? 1 : 0) + questionnaire.standards.length + 1;
}

/** How many values one invitation asks: the configured number, all of them, or by default as many as fit in {@link MAX_PAGE_QUESTIONS}. */
export function valuesPerResponse(questionnaire: TQuestionnaire): number {
  const all = questionnaire.values.length;
  const configured = questionnaire.valuesPerResponse;
  if (configured === 'all') return all;
  if (configured !== undefined) return Math.min(configured, all);
  return Math.max(1, Math.min(all, Math.floor((MAX_PAGE_QUESTIONS - fixedQuestions(questionnaire)) / questionsPerValue(questionnaire))));
}

/** The questions a page asks when it shows `shownValues` values (what "About n minutes" is worked out from). */
export function pageQuestionCount(questionnaire: TQuestionnaire, shownValues: number): number {
  return fixedQuestions(questionnaire) + shownValues * questionsPerValue(questionnaire);
}

function hashed(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** The `k` value ids starting at position `start` of the questionnaire's list, wrapping round. */
function valuesFrom(questionnaire: TQuestionnaire, start: number, k: number): string[] {
  const n = questionnaire.values.length;
  return Array.from({ length: k }, (_, j) => questionnaire.values[(start + j) % n]!.id);
}

/**
 * One wave's rotation: `next(department)` gives the values for the next invitation planned in
 * that department (undefined when the questionnaire asks every value). Deterministic: the
 * same wave, department and order give the same values.
 */
export function valueRotation(questionnaire: TQuestionnaire, waveId: string): { next(departmentId: string | undefined): string[] | undefined } {
  const k = valuesPerResponse(questionnaire);
  const sampling = k < questionnaire.values.length;
  const counters = new Map<string, number>();
  return {
    next(departmentId) {
      if (!sampling) return undefined;
      const group = departmentId ?? '';
      const i = counters.get(group) ?? 0;
      counters.set(group, i + 1);
      return valuesFrom(questionnaire, hashed(`${waveId}|${group}`) + i * k, k);
    },
  };
}

/**
 * Values for an invitation sent without a planned choice (an admin's test send, the deployment
 * check, a message queued before rotation existed): a rotation keyed on the link's random id,
 * balanced in expectation rather than exactly.
 */
export function valuesForLink(questionnaire: TQuestionnaire, link: { linkId: string; responseId?: string | undefined }): string[] | undefined {
  const k = valuesPerResponse(questionnaire);
  // Anonymous: keyed on the response id, which nothing stores, never on the link id, which the
  // invitation keeps beside the address (it would tell which values a person was asked).
  const key = questionnaire.anonymous && link.responseId ? link.responseId : link.linkId;
  return k < questionnaire.values.length ? valuesFrom(questionnaire, hashed(key), k) : undefined;
}

/**
 * Value ids as a bitmask over the questionnaire's list (bit i = the i-th value), the compact
 * form a signed link carries. Values are found by position, so adding values at the end of a
 * questionnaire keeps open links meaning what they said; reordering them does not.
 */
export function valueMask(questionnaire: TQuestionnaire, ids: readonly string[]): number {
  return questionnaire.values.reduce((mask, value, i) => (ids.includes(value.id) ? mask | (1 << i) : mask), 0);
}

/** The values a link's mask shows; every value when the link has no mask (or one that names none of them). */
export function shownValues(questionnaire: TQuestionnaire, mask: number | undefined): TQuestionnaire['values'] {
  if (mask === undefined) return questionnaire.values;
  const shown = questionnaire.values.filter((_, i) => (mask & (1 << i)) !== 0);
  return shown.length > 0 ? shown : questionnaire.values;
}
