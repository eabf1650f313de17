import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { TQuestionnaire } from '../questionnaire/questionnaire-schema.ts';
import type { Table } from '../storage/table-client.ts';
import { findInvitationByLinkId } from '../storage/invitations.ts';
import { markUnsubscribed, saveContact } from '../storage/contacts.ts';
import { ZInteraction, contactFromInteraction } from '../import/import-schemas.ts';
import { describeIssues } from '../config/zod-issues.ts';
import { z } from 'zod';
import { verifyLink } from '../tokens/link-token.ts';
import { ROUTES, toHonoPath } from './routes.ts';
import { securityHeaders } from './security-headers.ts';
import { HeadlineAnswerPage, ThankYouPage } from '../pages/answer-pages.tsx';
import { recordHeadlineAnswer, getHeadlineAnswer } from '../storage/responses.ts';
import { ZScoreField } from '../questionnaire/answer-schema.ts';
import { InvalidLinkPage, NotFoundPage, ServerErrorPage, UnsubscribeConfirmPage, UnsubscribedPage } from '../pages/simple-pages.tsx';

export interface AppDependencies {
  readonly table: Table;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly businessName: string;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
  /** Where errors go; never given request bodies or personal data. */
  readonly logError: (message: string, error: unknown) => void;
}

/** At most this many interactions per request, which keeps a request well inside the body limit and the Lambda timeout. */
const MAX_INTERACTIONS = 100;
const ZInteractionBatch = z.object({ interactions: z.array(ZInteraction).min(1).max(MAX_INTERACTIONS) }).strict();

/** Request bodies are forms or an admin batch; anything larger is refused before it is parsed. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The HTTP API: the same app runs in Lambda (hono/aws-lambda) and on the local stack
 * (@hono/node-server).
 */
export function createApp(deps: AppDependencies): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Request body too large', 413) }));

  app.get(toHonoPath(ROUTES.health.path), (c) => c.json({ status: 'ok' }));

  /** The invitation behind a valid answer link, with its questionnaire; undefined for any bad link. */
  async function answerTarget(token: string) {
    const claims = verifyLink(token, 'answer', await deps.linkSecret(), seconds(deps.now()));
    const invitation = claims && (await findInvitationByLinkId(deps.table, claims.linkId));
    const questionnaire = invitation && deps.questionnaires.find((q) => q.id === invitation.questionnaireId);
    return invitation && questionnaire ? { invitation, questionnaire } : undefined;
  }

  app.get(toHonoPath(ROUTES.answerPage.path), async (c) => {
    const target = await answerTarget(c.req.param('token') ?? '');
    if (!target) return c.html(<InvalidLinkPage />, 404);
    const parsed = ZScoreField(target.questionnaire).safeParse(c.req.query('score'));
    const selected = parsed.success ? parsed.data : await getHeadlineAnswer(deps.table, target.invitation);
    return c.html(<HeadlineAnswerPage questionnaire={target.questionnaire} language={target.invitation.language} action={c.req.path} selected={selected} />);
  });

  app.post(toHonoPath(ROUTES.answer.path), async (c) => {
    const target = await answerTarget(c.req.param('token') ?? '');
    if (!target) return c.html(<InvalidLinkPage />, 404);
    const form = await c.req.parseBody();
    const parsed = ZScoreField(target.questionnaire).safeParse(form['score']);
    if (!parsed.success) {
      const page = <HeadlineAnswerPage questionnaire={target.questionnaire} language={target.invitation.language} action={c.req.path} error={`score: ${parsed.error.issues[0]?.message ?? 'invalid'}`} />;
      return c.html(page, 400);
    }
    await recordHeadlineAnswer(deps.table, target.invitation, { score: parsed.data, anonymous: target.questionnaire.anonymous, at: deps.now().toISOString() });
    return c.html(<ThankYouPage businessName={deps.businessName} />);
  });

  app.get(toHonoPath(ROUTES.unsubscribePage.path), async (c) => {
    const token = c.req.param('token') ?? '';
    const claims = verifyLink(token, 'unsubscribe', await deps.linkSecret(), seconds(deps.now()));
    if (!claims) return c.html(<InvalidLinkPage />, 404);
    return c.html(<UnsubscribeConfirmPage businessName={deps.businessName} action={c.req.path} />);
  });

  // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click`; answer 200, no redirect.
  app.post(toHonoPath(ROUTES.unsubscribe.path), async (c) => {
    const claims = verifyLink(c.req.param('token') ?? '', 'unsubscribe', await deps.linkSecret(), seconds(deps.now()));
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
    deps.logError(`unhandled error on ${c.req.method} ${c.req.routePath}`, error);
    return c.html(<ServerErrorPage />, 500);
  });
  return app;
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
