import type { DigestReport } from './digest-report.ts';
import { changeText, count, fmt, pct } from './digest-format.ts';
import type { StaffGroups } from './digest-email.tsx';

type Staff = DigestReport['staff'];

const SECTION = 'margin:20px 0 6px;font-size:15px';
const CELL = 'padding:4px 6px;border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:anywhere';
/** Every table is fluid with fixed columns: at 320 px its cells wrap instead of widening the page. */
const FLUID = 'width:100%;table-layout:fixed;border-collapse:collapse';

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
        <td colspan={2} style="font-size:12px;color:#4a5059">
          {props.label}
        </td>
      </tr>
    </table>
  );
}

export function Headline(props: { report: DigestReport; kind: string; accent?: string | undefined }) {
  const { report } = props;
  return (
    <>
      <h1 style="font-size:17px;line-height:1.3;margin-top:0">{report.headline}</h1>
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={FLUID}>
        <tr>
          <td width="33%" style="text-align:center;vertical-align:top">
            <div style={`font-size:28px;font-weight:bold;color:${props.accent ?? '#0b5cad'}`}>{fmt(report.score)}</div>
            <div style="color:#4a5059">{props.kind}</div>
          </td>
          <td width="33%" style="text-align:center;vertical-align:top">
            <div style="font-size:28px;font-weight:bold">{report.responses}</div>
            <div style="color:#4a5059">{report.responses === 1 ? 'response' : 'responses'}</div>
          </td>
          <td width="33%" style="text-align:center;vertical-align:top">
            <div style="font-size:28px;font-weight:bold">{pct(report.responseRate)}</div>
            <div style="color:#4a5059">response rate</div>
          </td>
        </tr>
      </table>
      <p style="margin:10px 0 0">{changeText(report.vsPrevious, 'Against last period')}</p>
      <p style="margin:4px 0 0">{changeText(report.vsBenchmark, 'Against the benchmark wave')}</p>
    </>
  );
}

/** One block per value (its name and where it stands, then importance and our score side by side): four columns would not fit 320 px. */
export function ValuesTable(props: { values: DigestReport['values'] }) {
  return (
    <>
      <h2 style={SECTION}>What matters, and how we do</h2>
      {props.values.map((v) => (
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={`${FLUID};margin-bottom:8px`}>
          <tr>
            <td colspan={2} style="padding:4px 0;overflow-wrap:anywhere">
              <b>{v.label}</b> <span style="color:#4a5059">— {v.tooFew ? `too few ratings to judge (n = ${v.n.performance})` : `${v.quadrant ?? 'not rated'} (n = ${v.n.performance})`}</span>
            </td>
          </tr>
          <tr>
            <td width="50%" style="padding-right:6px;vertical-align:top">
              <Bar fraction={(v.importance ?? 0) / 5} color="#6b7280" label={`Importance ${fmt(v.importance, 1)}`} />
            </td>
            <td width="50%" style="padding-left:6px;vertical-align:top">
              <Bar fraction={(v.performance ?? 0) / 5} color={v.quadrant === 'concentrate here' ? '#a30000' : '#0b5cad'} label={`Us ${fmt(v.performance, 1)}${v.performanceMargin !== null && !v.tooFew ? ` ± ${fmt(v.performanceMargin, 1)}` : ''}${v.competitor !== null ? ` (them ${fmt(v.competitor, 1)})` : ''}`} />
            </td>
          </tr>
        </table>
      ))}
    </>
  );
}

/** The overall comparison question asks about other companies the customer has used, not the named competitor. */
export function CompetitorComparison(props: { comparison: DigestReport['comparison'] }) {
  const { comparison } = props;
  if (!comparison) return null;
  return (
    <p>
      Against other companies customers have used: better {pct(comparison.better)}, same {pct(comparison.same)}, worse {pct(comparison.worse)} (n = {comparison.n}).
    </p>
  );
}

export function Standards(props: { standards: DigestReport['standards'] }) {
  return (
    <>
      <h2 style={SECTION}>Service standards</h2>
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={FLUID}>
        {props.standards.map((s) => (
          <tr>
            <td style={CELL}>{s.text}</td>
            <td style={CELL} width="40%">
              <Bar fraction={s.compliance} color={s.compliance < 0.8 ? '#a30000' : '#1a7f37'} label={`${pct(s.compliance)} yes (n = ${s.n})`} />
            </td>
          </tr>
        ))}
      </table>
    </>
  );
}

export function StaffTable(props: { groups: StaffGroups; kind: string }) {
  const { groups } = props;
  const rows: Array<readonly [string, Staff[number]]> = groups.labelled
    ? [...groups.top.map((s) => ['Top:', s] as const), ...groups.bottom.map((s) => ['Needs support:', s] as const)]
    : groups.ranked.map((s, i) => [`${i + 1}.`, s] as const);
  return (
    <>
      <h2 style={SECTION}>Staff: quantity and quality</h2>
      {/* One row per person, the figures under the name: four columns would squeeze at 320 px. */}
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style={FLUID}>
        {rows.map(([group, s]) => (
          <tr>
            <td style={CELL}>
              {group} {s.name}
              <br />
              <span style="font-size:13px;color:#4a5059">
                {s.delivered} served · {s.responses} answered · {props.kind}* {fmt(s.quality)}
              </span>
            </td>
          </tr>
        ))}
      </table>
      <p style="margin:4px 0;font-size:12px;color:#4a5059">* Quality: the {props.kind} adjusted for how few answered.</p>
      {groups.unranked.length > 0 && <p style="color:#4a5059">Too few responses to rank yet: {groups.unranked.map((s) => s.name).join(', ')}.</p>}
    </>
  );
}

export function Complaints(props: { complaints: DigestReport['complaints'] }) {
  const { complaints } = props;
  return (
    <>
      <h2 style={SECTION}>Complaints</h2>
      <p>
        {complaints.opened} opened, {complaints.resolved} resolved, {complaints.openAtEnd} open at the end. Median {fmt(complaints.hoursToAcknowledge.median, 1)} business hours to acknowledge, {fmt(complaints.hoursToResolve.median, 1)} to resolve (90th percentile{' '}
        {fmt(complaints.hoursToResolve.p90, 1)}). Within SLA: {pct(complaints.withinSlaShare)}. Open past SLA: {complaints.openPastSla}.
      </p>
      {complaints.open.length > 0 && (
        <ul>
          {complaints.open.map((c) => (
            <li>
              {c.customer} — {c.state}, {c.owner}
              {c.overdue && <b style="color:#a30000"> overdue</b>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function Comments(props: { comments: DigestReport['comments'] }) {
  return (
    <>
      <h2 style={SECTION}>Comments, lowest scores first</h2>
      {props.comments.map((c) => (
        <p style="margin:6px 0;padding:6px 10px;background:#f6f7f9;border-left:3px solid #6b7280">
          <b>{c.score}</b>
          {c.staffName ? ` (${c.staffName})` : ''}: {c.text}
        </p>
      ))}
    </>
  );
}

export function CostNote(props: { cost: DigestReport['cost']; lastSent: string }) {
  const { cost } = props;
  return (
    <p style="color:#4a5059;font-size:12px;margin-top:20px">
      Running cost this period: ${cost.dollars.toFixed(4)} for {count(cost.emails, 'email')} and {count(cost.responses, 'response')} (AWS prices as of {cost.priceTableAsOf}). {props.lastSent}
    </p>
  );
}
