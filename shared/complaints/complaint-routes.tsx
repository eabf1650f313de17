import type { Hono } from 'hono';
import * as z from '../platform/validation/zod.ts';
import { acknowledgeComplaint, getComplaint, reassignComplaint, resolveComplaint } from './complaint-store.ts';
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
 * Every action is idempotent — a double click, a retry or a stale tab changes nothing more
 * and sends nothing twice.
 */
export function registerComplaintRoutes(app: Hono<AppEnv>, deps: ComplaintRouteDependencies): void {
  async function target(token: string) {
    const claims = await verifiedLink(deps, token, 'complaint');
    return claims && (await getComplaint(deps.table, claims.linkId));
  }
  async function managers() {
    const listed = (await listManagers(deps.table)).map((m) => ({ email: m.email, name: m.name }));
    const head = deps.complaintHandling.headOfServiceEmail;
    return listed.some((m) => m.email === head) ? listed : [...listed, { email: head, name: 'Head of service' }];
  }

  app.get(toHonoPath(ROUTES.complaintPage.path), async (c) => {
    const complaint = await target(c.req.param('token') ?? '');
    if (!complaint) return c.html(<InvalidLinkPage />, 404);
    const focus = ZAction.safeParse(c.req.query('action'));
    const response = await getResponse(deps.table, { questionnaireId: complaint.questionnaireId, waveId: complaint.waveId, linkId: complaint.id });
    return c.html(
      <ComplaintPage
        complaint={complaint}
        comment={response?.answers?.comment}
        timeZone={deps.complaintHandling.calendar.timeZone}
        basePath={c.req.path}
        managers={await managers()}
        {...(focus.success ? { focus: focus.data } : {})}
      />,
    );
  });

  app.post(toHonoPath(ROUTES.complaintAction.path), async (c) => {
    const complaint = await target(c.req.param('token') ?? '');
    const action = ZAction.safeParse(c.req.param('action'));
    if (!complaint || !action.success) return c.html(<InvalidLinkPage />, 404);
    const body = await readForm(c);
    if (!body) return c.html(<BadRequestPage />, 400);
    const at = deps.now().toISOString();

    if (action.data === 'acknowledge') {
      const change = await acknowledgeComplaint(deps.table, complaint.id, complaint.ownerEmail, at);
      if (change === 'changed' && complaint.customer) await deps.complaintQueue.send([{ complaintId: complaint.id, key: 'customer-acknowledged' }]);
      return c.html(<ComplaintDonePage message={change === 'changed' ? `Acknowledged.${complaint.customer && deps.complaintHandling.notifyCustomerOnAcknowledge ? ' The customer has been told you are handling it.' : ''}` : 'This complaint was already acknowledged.'} />);
    }
    if (action.data === 'resolve') {
      const parsed = ZResolveBody.safeParse(body);
      if (!parsed.success) return c.html(<ComplaintDonePage message={describeIssues(parsed.error).join('; ')} />, 400);
      const change = await resolveComplaint(deps.table, complaint.id, complaint.ownerEmail, parsed.data.note || undefined, at);
      return c.html(<ComplaintDonePage message={change === 'changed' ? 'Resolved. Thank you.' : 'This complaint was already resolved.'} />);
    }
    const parsed = ZReassignBody.safeParse(body);
    const known = parsed.success && (await managers()).some((m) => m.email === parsed.data.to.toLowerCase());
    if (!parsed.success || !known) {
      return c.html(<ComplaintDonePage message={parsed.success ? 'to: must be the email of a manager' : describeIssues(parsed.error).join('; ')} />, 400);
    }
    const change = await reassignComplaint(deps.table, complaint.id, parsed.data.to.toLowerCase(), complaint.ownerEmail, at);
    if (change === 'changed') await deps.complaintQueue.send([{ complaintId: complaint.id, key: `reassigned-${complaint.history.length}` }]);
    return c.html(<ComplaintDonePage message={change === 'changed' ? `Reassigned to ${parsed.data.to}, who has been emailed.` : 'Nothing changed: it is already theirs, or resolved.'} />);
  });
}
