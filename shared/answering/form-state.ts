import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { fieldNames, type TAnswers } from '../questionnaires/answer-schema.ts';

/** Stored answers as form fields, so a returning customer sees (and can edit) what they sent. */
export function formStateFromAnswers(questionnaire: TQuestionnaire, headline: number | undefined, answers: Omit<TAnswers, 'headline'> | undefined): Record<string, string> {
  const state: Record<string, string> = {};
  if (headline !== undefined) state[fieldNames.headline] = String(headline);
  if (!answers) return state;
  for (const value of questionnaire.values) {
    const rating = answers.values[value.id];
    if (rating?.importance !== undefined) state[fieldNames.importance(value.id)] = String(rating.importance);
    if (rating?.performance !== undefined) state[fieldNames.performance(value.id)] = String(rating.performance);
    if (rating?.competitor !== undefined) state[fieldNames.competitor(value.id)] = String(rating.competitor);
    const probe = answers.probes[value.id];
    if (probe) state[fieldNames.probe(value.id)] = probe;
  }
  for (const [id, yes] of Object.entries(answers.standards)) state[fieldNames.standard(id)] = yes ? 'yes' : 'no';
  if (answers.comparison) state[fieldNames.comparison] = answers.comparison;
  if (answers.comment) state[fieldNames.comment] = answers.comment;
  if (answers.complaintRequested) state[fieldNames.complaint] = 'yes';
  return state;
}
