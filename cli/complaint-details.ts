import type { ComplaintContext } from '../shared/complaints/complaint-context.ts';
import { complaintSummary } from '../shared/complaints/complaint-emails.tsx';
import type { TComplaint } from '../shared/complaints/complaint-store.ts';
import { isOverdue } from '../shared/complaints/sweep-complaints.ts';

/** How many leading characters of a complaint id `feedback complaints` prints, and `complaints show` accepts. */
export const SHOWN_ID_LENGTH = 8;

export function shownId(complaint: TComplaint): string {
  return complaint.id.slice(0, SHOWN_ID_LENGTH);
}

/** The complaints a shown (or full) id can mean: the id is a prefix of theirs. */
export function complaintsMatching(complaints: readonly TComplaint[], id: string): TComplaint[] {
  return complaints.filter((c) => c.id.startsWith(id));
}

function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function stateLine(complaint: TComplaint, now: Date, timeZone: string): string {
  const escalated = complaint.level > 1 ? ', escalated to the head of service' : '';
  const overdue = isOverdue(complaint, now) ? ' — OVERDUE' : '';
  if (complaint.state === 'resolved') return `resolved ${localTime(complaint.resolvedAt!, timeZone)}${escalated}`;
  if (complaint.state === 'acknowledged') return `acknowledged ${localTime(complaint.acknowledgedAt!, timeZone)}, to resolve by ${localTime(complaint.resolveBy, timeZone)}${escalated}${overdue}`;
  return `open, to acknowledge by ${localTime(complaint.acknowledgeBy, timeZone)}${escalated}${overdue}`;
}

/** One complaint as `feedback complaints show` prints it: the facts its escalation email gives, then its state and history. */
export function complaintDetails(context: ComplaintContext, now: Date, timeZone: string): string {
  const { complaint } = context;
  const summary = complaintSummary(context, timeZone);
  const indent = (text: string) => text.split('\n').map((line) => `  ${line}`);
  return [
    `Complaint ${complaint.id}`,
    `State: ${stateLine(complaint, now, timeZone)}`,
    `Owner: ${context.ownerName ? `${context.ownerName} <${complaint.ownerEmail}>` : complaint.ownerEmail}`,
    `Opened: ${localTime(complaint.createdAt, timeZone)} (${complaint.questionnaireId}, wave ${complaint.waveId})`,
    ...summary.facts.filter(([label]) => label !== 'Deadline').map(([label, value]) => `${label}: ${value}`),
    ...(summary.comment ? ['Comment:', ...indent(summary.comment)] : []),
    ...summary.probes.flatMap(([about, answer]) => [`${about}:`, ...indent(answer)]),
    ...(complaint.resolutionNote ? ['Resolution note:', ...indent(complaint.resolutionNote)] : []),
    'History:',
    ...complaint.history.map((h) => `  ${localTime(h.at, timeZone)}  ${h.event}${h.by ? ` (${h.by})` : ''}`),
    ...(summary.earlier.length ? ['Earlier contacts:', ...summary.earlier.map((e) => `  ${e}`)] : []),
  ].join('\n');
}
