import type { RenderedEmail } from '../platform/mail/mime.ts';
import { EmailFrame, emailDocument, type EmailBrand } from '../platform/mail/email-frame.tsx';
import type { DigestReport } from './digest-report.ts';
import { changeText, count, fmt, headlineLabel, pct } from './digest-format.ts';
import { periodLabel } from './period.ts';
import { Comments, CompetitorComparison, Complaints, CostNote, Headline, Standards, StaffTable, ValuesTable } from './digest-sections.tsx';

type DigestContext = { businessName: string; lastSentAt?: string; timeZone: string; dashboardUrl?: string; brand?: EmailBrand | undefined };

/** Fewer ranked staff than this, and they are listed by rank with no "Top" or "Needs support" label. */
export const LABELLED_FROM = 7;

export interface StaffGroups {
  ranked: DigestReport['staff'];
  /** With labels: the top three, and the bottom three (lowest first) whose quality is below every top one. */
  top: DigestReport['staff'];
  bottom: DigestReport['staff'];
  /** Whether top and bottom are shown as labels; otherwise every ranked member is listed in order. */
  labelled: boolean;
  unranked: DigestReport['staff'];
}

/**
 * Who is shown as "Top" and who as "Needs support". With a handful of ranked staff, a label
 * would only restate the order (and the 3rd of 4 would be both), so they are ranked instead.
 * With more, nobody scoring the same as someone at the top is told they need support.
 */
export function staffGroups(staff: DigestReport['staff']): StaffGroups {
  const ranked = staff.filter((s) => s.ranked);
  const unranked = staff.filter((s) => !s.ranked);
  if (ranked.length < LABELLED_FROM) return { ranked, top: [], bottom: [], labelled: false, unranked };
  const top = ranked.slice(0, 3);
  const lowestTop = Math.min(...top.map((s) => s.quality ?? -Infinity));
  const bottom = ranked.slice(-3).filter((s) => (s.quality ?? -Infinity) < lowestTop).reverse();
  return { ranked, top, bottom, labelled: true, unranked };
}

function lastSentText(context: DigestContext): string {
  return context.lastSentAt
    ? `Previous digest for this scope: ${new Intl.DateTimeFormat('en-GB', { timeZone: context.timeZone, dateStyle: 'medium' }).format(new Date(context.lastSentAt))}.`
    : 'This is the first digest for this scope.';
}

/** The plain-text part. Unlike the HTML, it lists every ranked member of staff, not only the top and bottom three. */
function digestText(report: DigestReport, parts: { kind: string; rated: DigestReport['values']; staff: StaffGroups; lastSent: string }): string {
  const { kind, rated, staff } = parts;
  return [
    report.headline,
    '',
    `${kind}: ${fmt(report.score)} from ${count(report.responses, 'response')}; response rate ${pct(report.responseRate)} of ${report.delivered} delivered.`,
    changeText(report.vsPrevious, 'Against last period'),
    changeText(report.vsBenchmark, 'Against the benchmark wave'),
    '',
    'What matters and how we do (importance / us / competitor, 1–5):',
    ...rated.map((v) => `- ${v.label}: ${fmt(v.importance, 1)} / ${fmt(v.performance, 1)} / ${fmt(v.competitor, 1)} — ${v.tooFew ? 'too few ratings to judge' : (v.quadrant ?? 'not rated')} (n = ${v.n.performance})`),
    ...(report.comparison ? [`Against other companies customers have used: better ${pct(report.comparison.better)}, same ${pct(report.comparison.same)}, worse ${pct(report.comparison.worse)} (n = ${report.comparison.n})`] : []),
    '',
    'Service standards (share "yes"):',
    ...report.standards.map((s) => `- ${s.text}: ${pct(s.compliance)} (n = ${s.n})`),
    '',
    'Staff (customers served / responses / quality):',
    ...staff.ranked.map((s, i) => `${i + 1}. ${s.name}: ${s.delivered} / ${s.responses} / ${fmt(s.quality)}`),
    ...(staff.unranked.length ? [`Too few responses to rank yet: ${staff.unranked.map((s) => s.name).join(', ')}`] : []),
    '',
    `Complaints: ${report.complaints.opened} opened, ${report.complaints.resolved} resolved, ${report.complaints.openAtEnd} open at the end; median ${fmt(report.complaints.hoursToAcknowledge.median, 1)} h to acknowledge, ${fmt(report.complaints.hoursToResolve.median, 1)} h to resolve (p90 ${fmt(report.complaints.hoursToResolve.p90, 1)} h); within SLA ${pct(report.complaints.withinSlaShare)}; ${report.complaints.openPastSla} open past SLA.`,
    ...report.complaints.open.map((c) => `- ${c.customer} (${c.state}, ${c.owner})${c.overdue ? ' OVERDUE' : ''}`),
    '',
    'Comments, lowest scores first:',
    ...report.comments.map((c) => `- [${c.score}]${c.staffName ? ` (${c.staffName})` : ''} ${c.text}`),
    '',
    `Running cost this period: $${report.cost.dollars.toFixed(4)} for ${count(report.cost.emails, 'email')} and ${count(report.cost.responses, 'response')} (prices as of ${report.cost.priceTableAsOf}).`,
    parts.lastSent,
  ].join('\n');
}

/**
 * The manager's Monday email: a one-line headline, then the figures in plain HTML tables
 * with bars drawn by table cells (no scripts, no remote images), and the same in text.
 * Customer comments are escaped by hono/jsx.
 */
export function renderDigestEmail(report: DigestReport, context: DigestContext): RenderedEmail {
  const kind = headlineLabel(report.headlineKind);
  // The company's digest is about the business the subject already names; a department's or a person's names them.
  const subject = `${context.businessName} feedback ${periodLabel(report.period)}: ${report.scope.kind === 'company' ? '' : `${report.scope.name} — `}${kind} ${fmt(report.score)}`;
  const lastSent = lastSentText(context);
  const rated = report.values.filter((v) => v.importance !== null || v.performance !== null);
  const staff = staffGroups(report.staff);
  const text = digestText(report, { kind, rated, staff, lastSent }) + (context.dashboardUrl ? `\n\nOpen the dashboard: ${context.dashboardUrl}` : '');
  const html = (
    <EmailFrame title={subject} preheader={report.headline} brand={context.brand ?? { name: context.businessName }}>
      <Headline report={report} kind={kind} accent={context.brand?.colour} />
      {context.dashboardUrl && <p><a href={context.dashboardUrl}>Open the dashboard</a></p>}
      <ValuesTable values={rated} />
      <CompetitorComparison comparison={report.comparison} />
      <Standards standards={report.standards} />
      <StaffTable groups={staff} kind={kind} />
      <Complaints complaints={report.complaints} />
      <Comments comments={report.comments} />
      <CostNote cost={report.cost} lastSent={lastSent} />
    </EmailFrame>
  );
  return { subject, text, html: emailDocument(html) };
}
