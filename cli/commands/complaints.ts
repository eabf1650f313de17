import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { listComplaints, type TComplaint } from '../../shared/complaints/complaint-store.ts';
import { isOverdue } from '../../shared/complaints/sweep-complaints.ts';
import { choiceOption } from '../arguments.ts';
import { defineCommand, EXIT } from '../frame.ts';

/** Without --open, resolved complaints are listed for this long. */
const RESOLVED_SHOWN_MS = 90 * 86_400_000;

export const complaintsCommand = defineCommand({
  name: 'complaints',
  summary: 'list complaints with their age, state, owner and next deadline',
  usage: 'feedback complaints [--open] [--format table|json] [--stack NAME] [--region REGION]',
  details: 'Without --open, complaints resolved in the last 90 days are listed too. Times are in the business time zone.',
  options: {
    open: { type: 'boolean', description: 'only complaints not yet resolved' },
    format: { type: 'string', description: 'table (default) or json' },
  },
  runsOnStack: true,
  async run({ options, out, table }) {
    const format = choiceOption('--format', options.format ?? 'table', ['table', 'json']);
    const now = new Date();
    const complaints = await listComplaints(await table(), options.open ? {} : { closedSince: new Date(now.getTime() - RESOLVED_SHOWN_MS), now });
    if (format === 'json') {
      out(JSON.stringify(complaints.map((c) => ({ ...c, ageHours: Math.round((now.getTime() - Date.parse(c.createdAt)) / 360_000) / 10, overdue: isOverdue(c, now) })), null, 2));
      return EXIT.done;
    }
    out(complaintTable(complaints, now, loadDeploymentConfig().timeZone));
    return EXIT.done;
  },
});

function complaintTable(complaints: TComplaint[], now: Date, timeZone: string): string {
  if (complaints.length === 0) return 'No complaints.';
  const time = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const age = (iso: string) => {
    const hours = (now.getTime() - Date.parse(iso)) / 3_600_000;
    return hours < 48 ? `${Math.floor(hours)}h` : `${Math.floor(hours / 24)}d`;
  };
  const rows = complaints.map((c) => [
    c.id.slice(0, 8),
    age(c.createdAt),
    c.state + (c.level > 1 ? ' (escalated)' : ''),
    c.ownerEmail,
    c.state === 'open' ? `ack by ${time(c.acknowledgeBy)}` : c.state === 'acknowledged' ? `resolve by ${time(c.resolveBy)}` : `resolved ${time(c.resolvedAt!)}`,
    isOverdue(c, now) ? 'OVERDUE' : '',
  ]);
  const header = ['ID', 'AGE', 'STATE', 'OWNER', 'DEADLINE', ''];
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
