import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { getComplaint, listComplaints, type TComplaint } from '../../shared/complaints/complaint-store.ts';
import { loadComplaintContext } from '../../shared/complaints/complaint-context.ts';
import { isOverdue } from '../../shared/complaints/sweep-complaints.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import { choiceOption } from '../arguments.ts';
import { complaintDetails, complaintsMatching, shownId, SHOWN_ID_LENGTH } from '../complaint-details.ts';
import { textTable } from '../text-table.ts';
import { CommandFailed, defineCommand, EXIT, UsageError } from '../frame.ts';

/** Without --open, resolved complaints are listed for this long. */
const RESOLVED_SHOWN_MS = 90 * 86_400_000;
const DAY_MS = 86_400_000;
const SHOW_USAGE = 'Usage: feedback complaints show ID (the ID column of `feedback complaints`, or the full id)';

export const complaintsCommand = defineCommand({
  name: 'complaints',
  summary: 'list complaints with their age, state, owner and next deadline, or show one in full',
  usage: 'feedback complaints [--open] [--format table|json] [--stack NAME] [--region REGION]\n       feedback complaints show ID [--format text|json] [--stack NAME] [--region REGION]',
  details:
    'Without --open, complaints resolved in the last 90 days are listed too. `show ID` prints one complaint with the customer, scores, comment, history and earlier contacts; ID is the list’s ID column (its first 8 characters) or the full id. Times are in the business time zone.',
  options: {
    open: { type: 'boolean', description: 'only complaints not yet resolved' },
    format: { type: 'string', description: 'table (default; text for show) or json' },
  },
  runsOnStack: true,
  async run({ options, positionals, out, table }) {
    const now = new Date();
    const config = loadDeploymentConfig();
    if (positionals[0] === 'show') {
      const format = choiceOption('--format', options.format ?? 'text', ['text', 'json']);
      const id = positionals[1];
      if (positionals.length !== 2 || !id || !/^[A-Za-z0-9_-]{4,}$/.test(id)) throw new UsageError(SHOW_USAGE);
      const complaint = await findComplaint(await table(), id, now, config.privacy.responseRetentionDays);
      const context = await loadComplaintContext(await table(), loadQuestionnaires(), complaint);
      out(format === 'json' ? JSON.stringify({ ...context, overdue: isOverdue(complaint, now) }, null, 2) : complaintDetails(context, now, config.timeZone));
      return EXIT.done;
    }
    if (positionals.length > 0) throw new UsageError(`Unknown argument "${positionals[0]}". ${SHOW_USAGE}`);
    const format = choiceOption('--format', options.format ?? 'table', ['table', 'json']);
    const complaints = await listComplaints(await table(), options.open ? {} : { closedSince: new Date(now.getTime() - RESOLVED_SHOWN_MS), now });
    if (format === 'json') {
      out(JSON.stringify(complaints.map((c) => ({ ...c, ageHours: Math.round((now.getTime() - Date.parse(c.createdAt)) / 360_000) / 10, overdue: isOverdue(c, now) })), null, 2));
      return EXIT.done;
    }
    out(complaintTable(complaints, now, config.timeZone));
    return EXIT.done;
  },
});

/**
 * The one complaint an id names. A full id is read directly; a shown (shortened) one is looked
 * up among the open complaints and those closed within the retention period, and must be
 * unambiguous.
 */
async function findComplaint(table: Table, id: string, now: Date, retentionDays: number): Promise<TComplaint> {
  if (id.length > SHOWN_ID_LENGTH) {
    const complaint = await getComplaint(table, id);
    if (complaint) return complaint;
  }
  const matches = complaintsMatching(await listComplaints(table, { closedSince: new Date(now.getTime() - retentionDays * DAY_MS), now }), id);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CommandFailed(`No complaint with id ${id}. \`feedback complaints\` lists them.`);
  throw new CommandFailed(`${matches.length} complaints have ids starting ${id}: ${matches.map((c) => c.id).join(', ')}. Give more of the id.`);
}

function complaintTable(complaints: TComplaint[], now: Date, timeZone: string): string {
  if (complaints.length === 0) return 'No complaints.';
  const time = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const age = (iso: string) => {
    const hours = (now.getTime() - Date.parse(iso)) / 3_600_000;
    return hours < 48 ? `${Math.floor(hours)}h` : `${Math.floor(hours / 24)}d`;
  };
  const rows = complaints.map((c) => [
    shownId(c),
    age(c.createdAt),
    c.state + (c.level > 1 ? ' (escalated)' : ''),
    c.ownerEmail,
    c.state === 'open' ? `ack by ${time(c.acknowledgeBy)}` : c.state === 'acknowledged' ? `resolve by ${time(c.resolveBy)}` : `resolved ${time(c.resolvedAt!)}`,
    isOverdue(c, now) ? 'OVERDUE' : '',
  ]);
  return `${textTable(['ID', 'AGE', 'STATE', 'OWNER', 'DEADLINE', ''], rows)}\n\n\`feedback complaints show ID\` shows one in full.`;
}
