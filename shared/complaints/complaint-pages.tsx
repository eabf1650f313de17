import { Layout } from '../platform/web/layout.tsx';
import type { TComplaint } from './complaint-store.ts';
import type { ComplaintAction } from './complaint-emails.tsx';

const CSS = `
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{color:#444}dd{margin:0}
section{border-top:1px solid #d5d9de;padding:1rem 0}
textarea,select{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid #6b7280;border-radius:.3rem}
textarea{min-height:5rem}
blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #a30000;background:#fff;white-space:pre-wrap}
.err{color:#a30000;font-weight:600}
`;

/** A time as the complaint pages show it, in the business time zone; a dash when there is none. */
export function when(iso: string | undefined, timeZone: string): string {
  return iso ? new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
}

/** A complaint's clock as a manager reads it: opened, and each deadline or when it was met (rows of a `<dl>`). */
export function ComplaintDeadlines(props: { complaint: TComplaint; timeZone: string }) {
  const { complaint, timeZone } = props;
  return (
    <>
      <dt>Opened</dt>
      <dd>{when(complaint.createdAt, timeZone)}</dd>
      <dt>Acknowledge by</dt>
      <dd>{complaint.acknowledgedAt ? `done ${when(complaint.acknowledgedAt, timeZone)}` : when(complaint.acknowledgeBy, timeZone)}</dd>
      <dt>Resolve by</dt>
      <dd>{complaint.resolvedAt ? `done ${when(complaint.resolvedAt, timeZone)}` : when(complaint.resolveBy, timeZone)}</dd>
    </>
  );
}

/**
 * The confirm page behind every action link in an escalation email: it shows the complaint
 * and asks for one button press (a GET changes nothing). It offers only the actions the link
 * grants now; a link whose holder no longer holds the complaint says who does.
 */
export function ComplaintPage(props: {
  complaint: TComplaint;
  comment: string | undefined;
  timeZone: string;
  basePath: string;
  /** The action the email link was for; every granted one when absent or not granted. */
  focus?: ComplaintAction;
  /** What the link may do now (`grantedActions`). */
  granted: readonly ComplaintAction[];
  /** The link's holder no longer holds the complaint. */
  heldElsewhere: boolean;
  managers: Array<{ email: string; name: string }>;
  error?: string;
}) {
  const { complaint, timeZone } = props;
  const offered = props.focus && props.granted.includes(props.focus) ? [props.focus] : props.granted;
  const show = (action: ComplaintAction) => offered.includes(action);
  const others = props.managers.filter((m) => m.email !== complaint.ownerEmail);
  return (
    <Layout title="Complaint" css={CSS}>
      <h1>Complaint {complaint.state === 'resolved' ? '(resolved)' : complaint.state === 'acknowledged' ? '(acknowledged)' : '(open)'}</h1>
      {props.error && (
        <p class="err" role="alert">
          {props.error}
        </p>
      )}
      <dl>
        <dt>Customer</dt>
        <dd>{complaint.customer ? `${complaint.customer.name} (${complaint.customer.email})` : 'Anonymous'}</dd>
        <dt>Owner</dt>
        <dd>{complaint.ownerEmail}</dd>
        <ComplaintDeadlines complaint={complaint} timeZone={timeZone} />
      </dl>
      {props.heldElsewhere && (
        <p role="status">
          This complaint is now held by {complaint.ownerEmail}. This link no longer changes it.
        </p>
      )}
      {props.comment && <blockquote>{props.comment}</blockquote>}
      {show('acknowledge') && (
        <section>
          <h2>Acknowledge</h2>
          <p>Tell the customer you are handling it{complaint.customer ? '' : ' (anonymous: no email is sent)'}.</p>
          <form method="post" action={`${props.basePath}/acknowledge`}>
            <button type="submit">Acknowledge</button>
          </form>
        </section>
      )}
      {show('resolve') && (
        <section>
          <h2>Resolve</h2>
          <form method="post" action={`${props.basePath}/resolve`}>
            <label for="note">What was done (optional)</label>
            <textarea id="note" name="note" maxlength={2000}></textarea>
            <p>
              <button type="submit">Resolve</button>
            </p>
          </form>
        </section>
      )}
      {show('reassign') && (
        <section>
          <h2>Reassign</h2>
          <form method="post" action={`${props.basePath}/reassign`}>
            <label for="to">Give it to</label>
            <select id="to" name="to">
              {others.map((m) => (
                <option value={m.email}>
                  {m.name} ({m.email})
                </option>
              ))}
            </select>
            <p>
              <button type="submit">Reassign</button>
            </p>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function ComplaintDonePage(props: { message: string }) {
  return (
    <Layout title="Complaint updated">
      <h1>Done</h1>
      <p>{props.message}</p>
    </Layout>
  );
}
