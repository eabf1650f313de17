import type { Hono } from 'hono';
import * as z from '../platform/validation/zod.ts';
import { getComplaint, updateComplaint } from './complaint-store.ts';
import { decideAction, grantedActions, holderOf, type ActionDecision, type ActionRequest } from './complaint-actions.ts';
import { listManagers } from '../people/directory-store.ts';
import { getResponse } from '../answering/response-store.ts';
import { describeIssues } from '../platform/config/zod-issues.ts';
import { BadRequestPage, InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { readForm } from '../platform/web/form-body.ts';
import { ComplaintDonePage, ComplaintPage } from './complaint-pages.tsx';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import type { ComplaintHandling } from './open-complaint.ts';
import type { TComplaintMessage } from './complaint-messages.ts';
import { verifiedLink } from '../platform/web/verified-link.ts';

export interface ComplaintRouteDependencies {
  readonly table: Table;
  readonly complaintHandling: ComplaintHandling;
  /** Where the notifications an action implies are queued. */
  readonly complaintQueue: MessageQueue<TComplaintMessage>;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
}

const ZAction = z.enum(['acknowledge', 'resolve', 'reassign']);
const ZResolveBody = z.strictObject({ note: z.optional(z.string().check(z.trim(), z.maxLength(2000, 'must be at most 2,000 characters'))) });
const ZReassignBody = z.strictObject({ to: z.email('must be the email of a manager') });

/**
 * The manager's side of a complaint: a confirm page per action, and the POSTs that act.
 * A link acts for the one it was sent to while they hold the complaint; every action is
 * decided on the complaint as it stands and written only if it still stands so, so a double
 * click, a retry, a stale tab or a concurrent action changes nothing more and sends nothing
 * twice, and each clicker is told what happened.
 */
export function registerComplaintRoutes(app: Hono<AppEnv>, deps: ComplaintRouteDependencies): void {
  async function target(token: string) {
    const claims = await verifiedLink(deps, token, 'complaint');
    const holder = claims && holderOf(claims.grant);
    const complaint = holder && (await getComplaint(deps.table, claims.linkId));
    return complaint && { complaint, holder };
  }
  async function managers() {
    const listed = (await listManagers(deps.table)).map((m) => ({ email: m.email, name: m.name }));
    const head = deps.complaintHandling.headOfServiceEmail;
    return listed.some((m) => m.email === head) ? listed : [...listed, { email: head, name: 'Head of service' }];
  }

  app.get(toHonoPath(ROUTES.complaintPage.path), async (c) => {
    const found = await target(c.req.param('token') ?? '');
    if (!found) return c.html(<InvalidLinkPage />, 404);
    const { complaint, holder } = found;
    const focus = ZAction.safeParse(c.req.query('action'));
    const [response, candidates] = await Promise.all([
      getResponse(deps.table, { questionnaireId: complaint.questionnaireId, waveId: complaint.waveId, linkId: complaint.id }),
      managers(),
    ]);
    const granted = grantedActions(complaint, holder, deps.complaintHandling.headOfServiceEmail, candidates.map((m) => m.email));
    return c.html(
      <ComplaintPage
        complaint={complaint}
        comment={response?.answers?.comment}
        timeZone={deps.complaintHandling.calendar.timeZone}
        basePath={c.req.path}
        managers={candidates}
        granted={granted}
        heldElsewhere={complaint.state !== 'resolved' && granted.length === 0}
        {...(focus.success ? { focus: focus.data } : {})}
      />,
    );
  });

  app.post(toHonoPath(ROUTES.complaintAction.path), async (c) => {
    const found = await target(c.req.param('token') ?? '');
    const action = ZAction.safeParse(c.req.param('action'));
    if (!found || !action.success) return c.html(<InvalidLinkPage />, 404);
    const body = await readForm(c);
    if (!body) return c.html(<BadRequestPage />, 400);
    const at = deps.now().toISOString();

    let request: ActionRequest;
    if (action.data === 'resolve') {
      const parsed = ZResolveBody.safeParse(body);
      if (!parsed.success) return c.html(<ComplaintDonePage message={describeIssues(parsed.error).join('; ')} />, 400);
      request = { action: 'resolve', note: parsed.data.note || undefined };
    } else if (action.data === 'reassign') {
      const parsed = ZReassignBody.safeParse(body);
      const known = parsed.success && (await managers()).some((m) => m.email === parsed.data.to.toLowerCase());
      if (!parsed.success || !known) {
        return c.html(<ComplaintDonePage message={parsed.success ? 'to: must be the email of a manager' : describeIssues(parsed.error).join('; ')} />, 400);
      }
      request = { action: 'reassign', to: parsed.data.to.toLowerCase() };
    } else request = { action: 'acknowledge' };

    const updated = await updateComplaint(deps.table, found.complaint.id, (complaint) => decideAction(complaint, found.holder, request, deps.complaintHandling, at), found.complaint);
    if (!updated) return c.html(<InvalidLinkPage />, 404);
    const { decision, complaint } = updated;
    if (decision.change?.notify.length) await deps.complaintQueue.send(decision.change.notify.map(({ key }) => ({ complaintId: complaint.id, key })));
    return c.html(<ComplaintDonePage message={outcomeMessage(decision, request, complaint, deps.complaintHandling)} />, decision.outcome === 'not-holder' ? 409 : 200);
  });
}

/** What the clicker is told: what their click did, or why it did nothing — about the complaint the decision was taken on. */
function outcomeMessage(decision: ActionDecision, request: ActionRequest, complaint: { ownerEmail: string; customer: unknown }, handling: ComplaintHandling): string {
  switch (decision.outcome) {
    case 'not-holder':
      return `Nothing changed: this complaint is now held by ${complaint.ownerEmail}.`;
    case 'resolved':
      return 'This complaint was already resolved.';
    case 'already-acknowledged':
      return 'This complaint was already acknowledged.';
    case 'already-owner':
      return 'Nothing changed: it is already theirs.';
    case 'changed':
      if (request.action === 'acknowledge') return `Acknowledged.${complaint.customer && handling.notifyCustomerOnAcknowledge ? ' The customer will be told you are handling it.' : ''}`;
      if (request.action === 'resolve') return 'Resolved. Thank you.';
      return `Reassigned to ${request.to}. The complaint is on its way to them by email.`;
  }
}
