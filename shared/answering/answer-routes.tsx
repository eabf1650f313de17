import type { Context, Hono } from 'hono';
import { findInvitationByLinkId } from '../invitations/invitation-store.ts';
import { getResponse, recordOneClick, recordSubmission } from './response-store.ts';
import { raiseComplaint } from '../complaints/open-complaint.ts';
import { answerFormSchema, probesDue, ZScoreField, fieldNames } from '../questionnaires/answer-schema.ts';
import { complaintReasons } from '../complaints/complaint-rules.ts';
import { requestHoldReason } from './one-click.ts';
import { recordMetric } from '../platform/observability/metrics.ts';
import { formStateFromAnswers, lowRatedValues } from './form-state.ts';
import { InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { QuestionnairePage, ThankYouPage, type FormState } from './questionnaire-page.tsx';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import type { AppDependencies, AppEnv } from '../../functions/http-api/app.tsx';
import { verifiedLink } from '../platform/web/verified-link.ts';

/**
 * The questionnaire page and its submission. Opening a score link from the email records
 * that score at once (a customer who closes the tab has answered), unless the fetch looks
 * like a mail scanner's (see `one-click.ts`); submitting the form confirms it.
 */
export function registerAnswerRoutes(app: Hono<AppEnv>, deps: AppDependencies): void {
  /**
   * What a valid answer link points at. A link with a scope needs no read: the signed token
   * names the questionnaire, wave and language. Links signed before scopes existed fall back
   * to looking the invitation up.
   */
  async function answerTarget(token: string) {
    const claims = await verifiedLink(deps, token, 'answer');
    if (!claims) return undefined;
    const invitation = claims.scope
      ? { ...claims.scope, linkId: claims.linkId }
      : await findInvitationByLinkId(deps.table, claims.linkId);
    const questionnaire = invitation && deps.questionnaires.find((q) => q.id === invitation.questionnaireId);
    return invitation && questionnaire ? { invitation, questionnaire } : undefined;
  }

  app.get(toHonoPath(ROUTES.answerPage.path), async (c) => {
    const target = await answerTarget(c.req.param('token') ?? '');
    if (!target) return c.html(<InvalidLinkPage />, 404);
    const { invitation, questionnaire } = target;
    const existing = await getResponse(deps.table, invitation);
    const state = formStateFromAnswers(questionnaire, existing?.headlineScore, existing?.answers);

    let note: string | undefined;
    const clicked = ZScoreField(questionnaire).safeParse(c.req.query('score'));
    if (clicked.success && !existing?.submittedAt) {
      state[fieldNames.headline] = String(clicked.data);
      const fetchHold = requestHoldReason(c.req.method, c.req.header('user-agent'));
      // A HEAD is never a person: answer it without recording anything.
      const hold =
        fetchHold === 'head-request'
          ? fetchHold
          : await recordOneClick(deps.table, invitation, { score: clicked.data, at: deps.now().toISOString(), retentionDays: deps.responseRetentionDays, ...(fetchHold ? { holdReason: fetchHold } : {}) });
      note = hold ? 'Please confirm your score with the button at the end.' : 'Thank you — your score is saved. If you have a minute, tell us a little more.';
    } else if (existing?.submittedAt) {
      note = 'These are the answers you sent. You can change them and send again.';
    }
    return c.html(page(c, target, state, { note }));
  });

  app.post(toHonoPath(ROUTES.answer.path), async (c) => {
    const target = await answerTarget(c.req.param('token') ?? '');
    if (!target) return c.html(<InvalidLinkPage />, 404);
    const { invitation, questionnaire } = target;
    const form = await c.req.parseBody();
    const state: FormState = Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
    const parsed = answerFormSchema(questionnaire).safeParse(form);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') for (const key of issue.keys) errors[key] = `${key}: is not a question of this questionnaire`;
        else errors[String(issue.path[0] ?? 'form')] ??= `${String(issue.path[0] ?? 'form')}: ${issue.message}`;
      }
      return c.html(page(c, target, state, { errors }), 400);
    }
    const at = deps.now().toISOString();
    const answers = parsed.data;
    await recordSubmission(deps.table, invitation, answers, { at, retentionDays: deps.responseRetentionDays });
    recordMetric('ResponsesRecorded');
    const reasons = complaintReasons(questionnaire, answers, deps.complaintRules);
    // Only a complaint needs the invitation itself (who, served by whom): read it then.
    const full = reasons.length > 0 ? ('email' in invitation ? invitation : await findInvitationByLinkId(deps.table, invitation.linkId)) : undefined;
    if (full) {
      const opened = await raiseComplaint({ table: deps.table, queue: deps.complaintQueue, handling: deps.complaintHandling }, { invitation: full, reasons, anonymous: questionnaire.anonymous, at: new Date(at) });
      if (opened) recordMetric('ComplaintsOpened');
    }

    // Without JavaScript, probes for low ratings appear on this next step.
    if (probesDue(questionnaire, answers).length > 0 && form[fieldNames.probesShown] === undefined) {
      return c.html(page(c, target, state, { note: 'Thank you — your answers are saved. You rated some things low: what went wrong?' }));
    }
    return c.html(<ThankYouPage businessName={deps.businessName} complaint={reasons.includes('requested')} />);
  });

  function page(c: Context, target: NonNullable<Awaited<ReturnType<typeof answerTarget>>>, state: FormState, extra: { note?: string; errors?: Record<string, string> }) {
    return (
      <QuestionnairePage
        questionnaire={target.questionnaire}
        language={target.invitation.language}
        action={c.req.path}
        state={state}
        probesVisible={lowRatedValues(target.questionnaire, state)}
        {...(extra.note ? { note: extra.note } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />
    );
  }
}
