import type { Table } from '../platform/table/table-client.ts';
import { formatDate, formatNumber, textsIn } from '../platform/language/languages.ts';
import { getComplaint } from '../complaints/complaint-store.ts';
import { getDepartment } from '../people/directory-store.ts';
import { classify } from '../digest/rollup.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import { ANSWERING_TEXT } from './answering-text.ts';
import type { ComplaintFollowUp } from './thank-you-page.tsx';

/** A promoter on the questionnaire's scale (NPS 9–10, CSAT 4–5): the one who is offered the review link. */
export function isPromoter(questionnaire: TQuestionnaire, headline: number): boolean {
  return classify(questionnaire.headline.kind, headline) === 'promoters';
}

/**
 * Who will contact a customer who asked for it, and by when: their department's manager, by
 * role (never a personal address), by the complaint's acknowledgement deadline, read from the
 * complaint as opened (a resubmission shows the first deadline, not a new one).
 */
export async function complaintFollowUp(table: Table, input: { anonymous: boolean; complaintId: string; language: string; timeZone: string }): Promise<ComplaintFollowUp> {
  if (input.anonymous) return { kind: 'anonymous' };
  const complaint = await getComplaint(table, input.complaintId);
  if (!complaint) return { kind: 'soon' };
  const text = textsIn(ANSWERING_TEXT, input.language).thanks;
  const department = complaint.departmentId ? await getDepartment(table, complaint.departmentId) : undefined;
  return {
    kind: 'contact',
    who: department ? text.managerOf(department.name) : text.aManager,
    by: formatDate(complaint.acknowledgeBy, input.language, input.timeZone, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  };
}

type Issue = { code: string; path: ReadonlyArray<PropertyKey>; message: string; keys?: string[] };

/**
 * One message per field, named by the field, for the page's error summary, in the page's
 * language. Worded from the field's kind rather than from zod's (English) message.
 */
export function fieldErrors(issues: readonly Issue[], questionnaire: TQuestionnaire, language: string): Record<string, string> {
  const text = textsIn(ANSWERING_TEXT, language).errors;
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys ?? []) errors[key] = `${key}: ${text.notAQuestion}`;
    else {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= `${field}: ${messageFor(field, issue, questionnaire, language)}`;
    }
  }
  return errors;
}

function messageFor(field: string, issue: Issue, questionnaire: TQuestionnaire, language: string): string {
  const text = textsIn(ANSWERING_TEXT, language).errors;
  if (field === 'score') {
    if (issue.code === 'invalid_type') return text.chooseScore;
    return questionnaire.headline.kind === 'nps' ? text.scoreRange(0, 10) : text.scoreRange(1, 5);
  }
  if (field.startsWith('importance-') || field.startsWith('performance-')) return text.rating;
  if (field.startsWith('competitor-')) return text.competitorRating;
  if (field.startsWith('standard-')) return text.yesNo;
  if (field === 'comparison') return text.comparison;
  if (field === 'comment') return text.tooLong(formatNumber(questionnaire.comment.maxLength, language));
  if (field.startsWith('probe-')) return text.tooLong(formatNumber(1000, language));
  if (field === 'complaint') return text.ticked;
  return issue.message;
}
