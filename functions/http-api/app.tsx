import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import { findInvitationByLinkId } from '../../shared/invitations/invitation-store.ts';
import { markUnsubscribed, saveContact } from '../../shared/people/contact-store.ts';
import { ZInteraction, contactFromInteraction } from '../../shared/people/import-schemas.ts';
import { describeIssues } from '../../shared/platform/config/zod-issues.ts';
import * as z from '../../shared/platform/validation/zod.ts';
import { verifiedLink } from '../../shared/platform/web/verified-link.ts';
import { ROUTES, toHonoPath } from '../../shared/platform/web/routes.ts';
import { securityHeaders } from '../../shared/platform/web/security-headers.ts';
import { registerAnswerRoutes } from '../../shared/answering/answer-routes.tsx';
import { registerComplaintRoutes } from '../../shared/complaints/complaint-routes.tsx';
import type { ComplaintHandling } from '../../shared/complaints/open-complaint.ts';
import type { TComplaintMessage } from '../../shared/complaints/complaint-messages.ts';
import type { MessageQueue } from '../../shared/platform/queue/message-queue.ts';
import { FORM_SCRIPT, FORM_SCRIPT_PATH } from '../../shared/answering/form-script.ts';
import type { ComplaintRules } from '../../shared/complaints/complaint-rules.ts';
import { InvalidLinkPage, NotFoundPage, ServerErrorPage, UnsubscribeConfirmPage, UnsubscribedPage } from '../../shared/platform/web/simple-pages.tsx';

export interface AppDependencies {
  readonly table: Table;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly businessName: string;
  readonly complaintRules: ComplaintRules;
  /** Raw responses expire this many days after the last answer. */
  readonly responseRetentionDays: number;
  readonly complaintHandling: ComplaintHandling;
  /** Where complaint notifications are queued (the complaints function sends them). */
  readonly complaintQueue: MessageQueue<TComplaintMessage>;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
  /** Where errors go, with the request's correlation id; never given request bodies or personal data. */
  readonly logError: (message: string, error: unknown, fields?: { requestId: string }) => void;
}

/** At most this many interactions per request, which keeps a request well inside the body limit and the Lambda timeout. */
const MAX_INTERACTIONS = 100;
const ZInteractionBatch = z.strictObject({ interactions: z.array(ZInteraction).check(z.minLength(1), z.maxLength(MAX_INTERACTIONS)) });

/** Request bodies are forms or an admin batch; anything larger is refused before it is parsed. */
const MAX_BODY_BYTES = 64 * 1024;

/** Per-request values the middleware sets. */
export type AppEnv = { Variables: { requestId: string } };


/**
 * The HTTP API: the same app runs in Lambda (hono/aws-lambda) and on the local stack
 * (@hono/node-server).
 */
export function createApp(deps: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // A correlation id per request: API Gateway's trace id when there is one, echoed back
  // so a customer's "something went wrong" can be found in the logs.
  app.use('*', async (c, next) => {
    const id = c.req.header('x-amzn-trace-id')?.slice(0, 100) ?? randomUUID();
    c.set('requestId', id);
    await next();
    c.header('X-Request-Id', id);
  });
  app.use('*', securityHeaders);
  // The full questionnaire is ~30 KB of repetitive HTML; gzip brings it to a few KB.
  app.use('*', compress());
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Request body too large', 413) }));

  app.get(toHonoPath(ROUTES.health.path), (c) => c.json({ status: 'ok' }));

  registerAnswerRoutes(app, deps);
  registerComplaintRoutes(app, deps);
  app.get(FORM_SCRIPT_PATH, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(FORM_SCRIPT);
  });

  app.get(toHonoPath(ROUTES.unsubscribePage.path), async (c) => {
    if (!(await verifiedLink(deps, c.req.param('token'), 'unsubscribe'))) return c.html(<InvalidLinkPage />, 404);
    return c.html(<UnsubscribeConfirmPage businessName={deps.businessName} action={c.req.path} />);
  });

  // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click`; answer 200, no redirect.
  app.post(toHonoPath(ROUTES.unsubscribe.path), async (c) => {
    const claims = await verifiedLink(deps, c.req.param('token'), 'unsubscribe');
    const invitation = claims && (await findInvitationByLinkId(deps.table, claims.linkId));
    if (!invitation) return c.html(<InvalidLinkPage />, 404);
    await markUnsubscribed(deps.table, invitation.audience, invitation.email, deps.now().toISOString());
    return c.html(<UnsubscribedPage businessName={deps.businessName} />, 200);
  });

  app.get(toHonoPath(ROUTES.listQuestionnaires.path), (c) =>
    c.json({ questionnaires: deps.questionnaires.map((q) => ({ id: q.id, audience: q.audience, anonymous: q.anonymous, languages: q.languages, headline: q.headline.kind })) }),
  );

  // The business's own systems report who was served, by whom and when (SigV4-signed in AWS).
  app.post(toHonoPath(ROUTES.recordInteractions.path), async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (body === undefined) return c.json({ error: 'the body must be JSON: {"interactions": [...]}' }, 400);
    const parsed = ZInteractionBatch.safeParse(body);
    if (!parsed.success) return c.json({ error: 'invalid interactions', problems: describeIssues(parsed.error) }, 400);
    const now = deps.now();
    for (const interaction of parsed.data.interactions) await saveContact(deps.table, contactFromInteraction(interaction, now));
    return c.json({ recorded: parsed.data.interactions.length });
  });

  app.notFound((c) => c.html(<NotFoundPage />, 404));
  app.onError((error, c) => {
    deps.logError(`unhandled error on ${c.req.method} ${c.req.routePath}`, error, { requestId: c.get('requestId') ?? 'unknown' });
    return c.html(<ServerErrorPage />, 500);
  });
  return app;
}
