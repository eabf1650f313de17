import type { RenderedEmail } from '../platform/mail/mime.ts';
import { EmailFrame, emailDocument } from '../platform/mail/email-frame.tsx';
import type { DigestReport } from './digest-report.ts';

const fmt = (value: number | null, digits = 0) => (value === null ? '–' : value.toFixed(digits));
const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)} %`);
const signed = (value: number | null) => (value === null ? '–' : `${value >= 0 ? '+' : ''}${Math.round(value)}`);

function changeText(change: DigestReport['vsPrevious'] | null, against: string): string {
  if (!change || change.delta === null) return `${against}: no comparison yet`;
  return `${against} (${change.period}): ${signed(change.delta)} [95 % interval ${signed(change.low)} to ${signed(change.high)}; n = ${change.nFrom} → ${change.nTo}]${change.significant ? '' : ' — not significant'}`;
}

/** A horizontal bar as two table cells: mail clients render table widths, not CSS graphics. */
function Bar(props: { fraction: number; color?: string; label: string }) {
  const width = Math.max(0, Math.min(100, Math.round(props.fraction * 100)));
  return (
    <table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="border-collapse:collapse">
      <tr>
        {width > 0 && <td width={`${width}%`} style={`background:${props.color ?? '#0b5cad'};height:12px;font-size:1px;line-height:12px`}>&nbsp;</td>}
        {width < 100 && <td width={`${100 - width}%`} style="background:#e5e7eb;height:12px;font-size:1px;line-height:12px">&nbsp;</td>}
      </tr>
      <tr>
        <td colspan={2} style="font-size:11px;color:#555">
          {props.label}
        </td>
      </tr>
    </table>
  );
}

/**
 * The manager's Monday email: a one-line headline, then the figures in plain HTML tables
 * with bars drawn by table cells (no scripts, no remote images), and the same in text.
 * Customer comments are escaped by hono/jsx.
 */
export function renderDigestEmail(report: DigestReport, context: { businessName: string; lastSentAt?: string; timeZone: string }): RenderedEmail {
  const kind = report.headlineKind === 'nps' ? 'NPS' : 'CSAT';
  const subject = `${context.businessName} feedback ${report.period}: ${report.scope.name} — ${kind} ${fmt(report.score)}`;
  const lastSent = context.lastSentAt
    ? `Previous digest for this scope: ${new Intl.DateTimeFormat('en-GB', { timeZone: context.timeZone, dateStyle: 'medium' }).format(new Date(context.lastSentAt))}.`
    : 'This is the first digest for this scope.';
  const ranked = report.staff.filter((s) => s.ranked);
  const rated = report.values.filter((v) => v.importance !== null || v.performance !== null);
  const top = ranked.slice(0, 3);
  // The bottom three, never repeating someone already shown at the top.
  const bottom = ranked.slice(Math.max(top.length, ranked.length - 3)).reverse();
  const unranked = report.staff.filter((s) => !s.ranked);
  const section = 'margin:20px 0 6px;font-size:15px';
  const cell = 'padding:4px 6px;border-bottom:1px solid #eee;vertical-align:top';

  const text = [
    report.headline,
    '',
    `${kind}: ${fmt(report.score)} from ${report.responses} responses; response rate ${pct(report.responseRate)} of ${report.delivered} delivered.`,
    changeText(report.vsPrevious, 'Against last period'),
    changeText(report.vsBenchmark, 'Against the benchmark wave'),
    '',
    'What matters and how we do (importance / us / competitor, 1–5):',
    ...rated.map((v) => `- ${v.label}: ${fmt(v.importance, 1)} / ${fmt(v.performance, 1)} / ${fmt(v.competitor, 1)} — ${v.quadrant ?? 'not rated'}`),
    ...(report.comparison ? [`Against ${report.competitorName ?? 'competitors'}: better ${pct(report.comparison.better)}, same ${pct(report.comparison.same)}, worse ${pct(report.comparison.worse)} (n = ${report.comparison.n})`] : []),
    '',
    'Service standards (share "yes"):',
    ...report.standards.map((s) => `- ${s.text}: ${pct(s.compliance)} (n = ${s.n})`),
    '',
    'Staff (customers served / responses / quality):',
    ...ranked.map((s) => `- ${s.name}: ${s.delivered} / ${s.responses} / ${fmt(s.quality)}`),
    ...(unranked.length ? [`Too few responses to rank yet: ${unranked.map((s) => s.name).join(', ')}`] : []),
    '',
    `Complaints: ${report.complaints.opened} opened, ${report.complaints.resolved} resolved; median ${fmt(report.complaints.hoursToAcknowledge.median, 1)} h to acknowledge, ${fmt(report.complaints.hoursToResolve.median, 1)} h to resolve (p90 ${fmt(report.complaints.hoursToResolve.p90, 1)} h); within SLA ${pct(report.complaints.withinSlaShare)}; ${report.complaints.openPastSla} open past SLA.`,
    ...report.complaints.open.map((c) => `- ${c.customer} (${c.state}, ${c.owner})${c.overdue ? ' OVERDUE' : ''}`),
    '',
    'Comments, lowest scores first:',
    ...report.comments.map((c) => `- [${c.score}]${c.staffName ? ` (${c.staffName})` : ''} ${c.text}`),
    '',
    `Running cost this period: $${report.cost.dollars.toFixed(4)} for ${report.cost.emails} emails and ${report.cost.responses} responses (prices as of ${report.cost.priceTableAsOf}).`,
    lastSent,
  ].join('\n');

  const html = (
    <EmailFrame title={subject} width={640}>
              <p style="font-size:17px;font-weight:bold;margin-top:0">{report.headline}</p>
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0">
                <tr>
                  <td width="33%" style="text-align:center">
                    <div style="font-size:32px;font-weight:bold;color:#0b5cad">{fmt(report.score)}</div>
                    <div style="color:#555">{kind}</div>
                  </td>
                  <td width="33%" style="text-align:center">
                    <div style="font-size:32px;font-weight:bold">{report.responses}</div>
                    <div style="color:#555">responses</div>
                  </td>
                  <td width="33%" style="text-align:center">
                    <div style="font-size:32px;font-weight:bold">{pct(report.responseRate)}</div>
                    <div style="color:#555">response rate</div>
                  </td>
                </tr>
              </table>
              <p style="margin:10px 0 0">{changeText(report.vsPrevious, 'Against last period')}</p>
              <p style="margin:4px 0 0">{changeText(report.vsBenchmark, 'Against the benchmark wave')}</p>

              <h2 style={section}>What matters, and how we do</h2>
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
                <tr>
                  <th align="left" style={cell}>Value</th>
                  <th align="left" style={cell}>Importance</th>
                  <th align="left" style={cell}>Us</th>
                  <th align="left" style={cell}>Where it stands</th>
                </tr>
                {rated.map((v) => (
                  <tr>
                    <td style={cell}>{v.label}</td>
                    <td style={cell} width="22%">
                      <Bar fraction={(v.importance ?? 0) / 5} color="#6b7280" label={fmt(v.importance, 1)} />
                    </td>
                    <td style={cell} width="22%">
                      <Bar fraction={(v.performance ?? 0) / 5} color={v.quadrant === 'concentrate here' ? '#a30000' : '#0b5cad'} label={`${fmt(v.performance, 1)}${v.competitor !== null ? ` (them ${fmt(v.competitor, 1)})` : ''}`} />
                    </td>
                    <td style={cell}>{v.quadrant ?? '–'}</td>
                  </tr>
                ))}
              </table>
              {report.comparison && (
                <p>
                  Against {report.competitorName ?? 'competitors'}: better {pct(report.comparison.better)}, same {pct(report.comparison.same)}, worse {pct(report.comparison.worse)} (n = {report.comparison.n}).
                </p>
              )}

              <h2 style={section}>Service standards</h2>
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
                {report.standards.map((s) => (
                  <tr>
                    <td style={cell}>{s.text}</td>
                    <td style={cell} width="40%">
                      <Bar fraction={s.compliance} color={s.compliance < 0.8 ? '#a30000' : '#1a7f37'} label={`${pct(s.compliance)} yes (n = ${s.n})`} />
                    </td>
                  </tr>
                ))}
              </table>

              <h2 style={section}>Staff: quantity and quality</h2>
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse">
                <tr>
                  <th align="left" style={cell}></th>
                  <th align="left" style={cell}>Customers served</th>
                  <th align="left" style={cell}>Responses</th>
                  <th align="left" style={cell}>Quality ({kind}, adjusted)</th>
                </tr>
                {[...top.map((s) => ['Top', s] as const), ...bottom.map((s) => ['Needs support', s] as const)].map(([group, s]) => (
                  <tr>
                    <td style={cell}>
                      {group}: {s.name}
                    </td>
                    <td style={cell}>{s.delivered}</td>
                    <td style={cell}>{s.responses}</td>
                    <td style={cell}>{fmt(s.quality)}</td>
                  </tr>
                ))}
              </table>
              {unranked.length > 0 && <p style="color:#555">Too few responses to rank yet: {unranked.map((s) => s.name).join(', ')}.</p>}

              <h2 style={section}>Complaints</h2>
              <p>
                {report.complaints.opened} opened, {report.complaints.resolved} resolved. Median {fmt(report.complaints.hoursToAcknowledge.median, 1)} business hours to acknowledge, {fmt(report.complaints.hoursToResolve.median, 1)} to resolve (90th percentile{' '}
                {fmt(report.complaints.hoursToResolve.p90, 1)}). Within SLA: {pct(report.complaints.withinSlaShare)}. Open past SLA: {report.complaints.openPastSla}.
              </p>
              {report.complaints.open.length > 0 && (
                <ul>
                  {report.complaints.open.map((c) => (
                    <li>
                      {c.customer} — {c.state}, {c.owner}
                      {c.overdue && <b style="color:#a30000"> overdue</b>}
                    </li>
                  ))}
                </ul>
              )}

              <h2 style={section}>Comments, lowest scores first</h2>
              {report.comments.map((c) => (
                <p style="margin:6px 0;padding:6px 10px;background:#f6f7f9;border-left:3px solid #6b7280">
                  <b>{c.score}</b>
                  {c.staffName ? ` (${c.staffName})` : ''}: {c.text}
                </p>
              ))}

              <p style="color:#555;font-size:12px;margin-top:20px">
                Running cost this period: ${report.cost.dollars.toFixed(4)} for {report.cost.emails} emails and {report.cost.responses} responses (AWS prices as of {report.cost.priceTableAsOf}). {lastSent}
              </p>
    </EmailFrame>
  );
  return { subject, text, html: emailDocument(html) };
}
