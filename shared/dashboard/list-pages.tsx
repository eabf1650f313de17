import { localized } from '../questionnaires/questionnaire-schema.ts';
import { fmt } from '../digest/digest-format.ts';
import type { TComplaint } from '../complaints/complaint-store.ts';
import type { ComplaintSummary } from '../complaints/complaint-emails.tsx';
import { ComplaintDeadlines, when } from '../complaints/complaint-pages.tsx';
import { MAX_COMMENTS, type Rollup } from '../digest/rollup.ts';
import type { DashboardFacts } from './dashboard-data.ts';
import { DashboardFrame, DataTable } from './dashboard-frame.tsx';
import { periodText, type FigurePageProps } from './figure-pages.tsx';

/** A staff member's own link shows complaints about them, but not who made them. */
const customerOf = (c: TComplaint, links: FigurePageProps['links']) => (links.scope.kind === 'staff' ? 'A customer' : (c.customer?.name ?? 'Anonymous'));


/** Staff: quantity (customers served and asked) and quality (score, shrunk for small samples), ranked only from enough responses. */
export function StaffPage(props: FigurePageProps & { minSample: number }) {
  const { facts } = props;
  const rows = facts.report?.staff ?? [];
  let rank = 0;
  return (
    <DashboardFrame title="Staff" view={facts.view} page="staff" links={props.links} views={props.views} periodText={periodText(facts)}>
      <p>
        Quality is the score adjusted toward the company’s for small samples, so a few lucky answers do not top the table. Only staff with at least {props.minSample} responses are ranked.
      </p>
      {rows.length === 0 ? (
        <p>No staff figures this period.</p>
      ) : (
        <DataTable
          caption="Staff this period"
          head={['Rank', 'Staff member', 'Customers asked', 'Responses', 'Score', 'Quality']}
          rows={rows.map((r) => [r.ranked ? String(++rank) : 'not ranked', r.name, r.delivered, r.responses, fmt(r.score), fmt(r.quality)])}
          numeric={[2, 3, 4, 5]}
        />
      )}
    </DashboardFrame>
  );
}

export const COMPLAINT_FILTERS = ['open', 'overdue', 'resolved', 'all'] as const;
export type ComplaintFilter = (typeof COMPLAINT_FILTERS)[number];

/** Complaints of the view, filtered: open (not yet resolved), overdue, resolved, or all. */
export function ComplaintsPage(props: FigurePageProps & { filter: ComplaintFilter; complaints: ReadonlyArray<TComplaint & { overdue: boolean }>; timeZone: string }) {
  const { facts, links } = props;
  return (
    <DashboardFrame title="Complaints" view={facts.view} page="complaints" links={links} views={props.views} periodText={periodText(facts)}>
      <p class="filters">
        Show:{' '}
        {COMPLAINT_FILTERS.map((f) => (
          <a href={links.href('complaints', { filter: f })} aria-current={f === props.filter ? 'page' : undefined}>
            {f}
          </a>
        ))}
      </p>
      {props.complaints.length === 0 ? (
        <p>No {props.filter === 'all' ? '' : `${props.filter} `}complaints.</p>
      ) : (
        <ul>
          {props.complaints.map((c) => (
            <li>
              <a href={`${links.base}/complaints/${c.id}`}>
                {when(c.createdAt, props.timeZone)}: {customerOf(c, links)}
              </a>{' '}
              — {c.state}
              {c.level > 1 ? ' (escalated)' : ''}, owner {c.ownerEmail}
              {c.overdue && <span class="overdue"> · overdue</span>}
            </li>
          ))}
        </ul>
      )}
    </DashboardFrame>
  );
}

/** One complaint: its details, the customer's comment, its history and notes, and a way to act on it when the link may. */
export function ComplaintDetailPage(props: { complaint: TComplaint; summary: ComplaintSummary; timeZone: string; actUrl: string | undefined; back: string; overdue: boolean; view: DashboardFacts['view']; periodText: string; links: FigurePageProps['links'] }) {
  const { complaint: c, timeZone } = props;
  return (
    <DashboardFrame title={`Complaint (${c.state})`} view={props.view} page="complaints" links={props.links} views={[]} periodText={props.periodText}>
      <p>
        <a href={props.back}>All complaints</a>
      </p>
      <dl>
        {props.summary.facts
          .filter(([label]) => label !== 'Deadline')
          .map(([label, value]) => (
            <>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </>
          ))}
        <dt>Owner</dt>
        <dd>{c.ownerEmail}{c.level > 1 ? ' (escalated to the head of service)' : ''}</dd>
        <ComplaintDeadlines complaint={c} timeZone={timeZone} />
      </dl>
      {props.overdue && <p class="overdue">Overdue.</p>}
      <h2>{c.audience === 'staff' ? 'The comment' : 'The customer’s comment'}</h2>
      {props.summary.comment ? <blockquote>{props.summary.comment}</blockquote> : <p>No comment.</p>}
      {props.summary.probes.map(([about, answer]) => (
        <>
          <h3>{about}</h3>
          <blockquote>{answer}</blockquote>
        </>
      ))}
      <h2>History</h2>
      <ol>
        {c.history.map((h) => (
          <li>
            {when(h.at, timeZone)}: {h.event}
            {h.by ? ` by ${h.by}` : ''}
          </li>
        ))}
      </ol>
      {props.summary.earlier.length > 0 && (
        <>
          <h2>Earlier contacts</h2>
          <ul>
            {props.summary.earlier.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </>
      )}
      {c.resolutionNote && (
        <>
          <h2>Notes</h2>
          <blockquote>{c.resolutionNote}</blockquote>
        </>
      )}
      {props.actUrl ? (
        <p>
          <a href={props.actUrl}>Acknowledge, resolve or reassign this complaint</a>
        </p>
      ) : (
        c.state !== 'resolved' && <p>Held by {c.ownerEmail}: the links in their email act on it.</p>
      )}
    </DashboardFrame>
  );
}

/** This period's comments (the lowest-scored the rollup keeps), filtered by score and by a value the customer rated low. */
export function CommentsPage(props: FigurePageProps & { comments: Rollup['comments']; maxScore: number | undefined; lowValue: string | undefined; staffNames: ReadonlyMap<string, string> }) {
  const { facts, links } = props;
  const q = facts.questionnaire;
  const labelOf = (id: string) => localized(q, q.values.find((v) => v.id === id)?.label ?? { en: id }, q.languages[0]!);
  const shown = props.comments.filter((c) => (props.maxScore === undefined || c.score <= props.maxScore) && (props.lowValue === undefined || (c.low ?? []).includes(props.lowValue)));
  const scale = q.headline.kind === 'nps' ? 10 : 5;
  return (
    <DashboardFrame title="Comments" view={facts.view} page="comments" links={links} views={props.views} periodText={periodText(facts)}>
      <form method="get" action={`${links.base}/comments`} class="filters">
        {Object.entries(links.kept).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label>
          Score at most{' '}
          <select name="max">
            <option value="">any</option>
            {Array.from({ length: scale + 1 }, (_, s) => (
              <option value={String(s)} selected={props.maxScore === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rated low{' '}
          <select name="low">
            <option value="">any value</option>
            {q.values.map((v) => (
              <option value={v.id} selected={props.lowValue === v.id}>
                {labelOf(v.id)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <p>
        {props.comments.length} {props.comments.length === 1 ? 'comment' : 'comments'} this period (the {MAX_COMMENTS} lowest-scored are kept); {shown.length} shown.
      </p>
      {shown.map((c) => (
        <blockquote>
          {c.text}
          {'\n'}— score {c.score}
          {c.staffEmail ? `, served by ${props.staffNames.get(c.staffEmail) ?? c.staffEmail}` : ''}
          {c.low?.length ? `; rated low: ${c.low.map(labelOf).join(', ')}` : ''}
        </blockquote>
      ))}
    </DashboardFrame>
  );
}
