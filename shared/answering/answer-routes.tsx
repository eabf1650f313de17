import type { Context, Hono } from 'hono';
import { findInvitationByLinkId } from '../invitations/invitation-store.ts';
import { getResponse } from './response-store.ts';
import { recordOneClick, recordSubmission, upgradedAnswerLink } from './anonymous-answer.ts';
import { raiseComplaint } from '../complaints/open-complaint.ts';
import { answerFormSchema, probesDue, ZScoreField, fieldNames } from '../questionnaires/answer-schema.ts';
import { complaintReasons } from '../complaints/complaint-rules.ts';
import { requestHoldReason } from './one-click.ts';
import { recordMetric } from '../platform/observability/metrics.ts';
import { formStateFromAnswers, lowRatedValues } from './form-state.ts';
import { InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { QuestionnairePage, ThankYouPage, type FormState } from './questionnaire-page.tsx';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { ComplaintHandling } from '../complaints/open-complaint.ts';
import type { TComplaintMessage } from '../complaints/complaint-messages.ts';
import type { ComplaintRules } from '../complaints/complaint-rules.ts';
import { verifiedLink } from '../platform/web/verified-link.ts';
import { FORM_SCRIPT, FORM_SCRIPT_PATH } from './form-script.ts';

export interface AnswerRouteDependencies {
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
}

type Deps = AnswerRouteDependencies;
type Target = NonNullable<Awaited<ReturnType<typeof answerTarget>>>;

/**
 * The questionnaire page and its submission. Opening a score link from the email records
 * that score at once (a customer who closes the tab has answered), unless the fetch looks
 * like a mail scanner's (see `one-click.ts`); submitting the form confirms it.
 */
export function registerAnswerRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get(toHonoPath(ROUTES.answerPage.path), (c) => showAnswerPage(c, deps));
  app.get(FORM_SCRIPT_PATH, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(FORM_SCRIPT);
  });
  app.post(toHonoPath(ROUTES.answer.path), (c) => submitAnswers(c, deps));
}

/**
 * What a valid answer link points at. A link with a scope needs no read: the signed token
 * names the questionnaire, wave and language. Links signed before scopes existed fall back
 * to looking the invitation up.
 */
async function answerTarget(deps: Deps, token: string) {
  const claims = await verifiedLink(deps, token, 'answer');
  if (!claims) return undefined;
  const invitation = claims.scope ? { ...claims.scope, linkId: claims.linkId } : await findInvitationByLinkId(deps.table, claims.linkId);
  const questionnaire = invitation && deps.questionnaires.find((q) => q.id === invitation.questionnaireId);
  if (!invitation || !questionnaire) return undefined;
  // An anonymous questionnaire's link from before response ids: the page redirects to it upgraded, a POST answers under a fresh id.
  const upgraded = questionnaire.anonymous && !claims.scope?.responseId ? await upgradedAnswerLink(deps.linkSecret, claims, invitation) : undefined;
  return { invitation: { ...invitation, ...(upgraded ? { responseId: upgraded.responseId } : {}) }, questionnaire, upgraded: upgraded?.token };
}

async function showAnswerPage(c: Context<AppEnv>, deps: Deps) {
  const target = await answerTarget(deps, c.req.param('token') ?? '');
  if (!target) return c.html(<InvalidLinkPage />, 404);
  if (target.upgraded) return c.redirect(`${c.req.path.replace(c.req.param('token') ?? '', target.upgraded)}${new URL(c.req.url).search}`, 303);
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
}

async function submitAnswers(c: Context<AppEnv>, deps: Deps) {
  const target = await answerTarget(deps, c.req.param('token') ?? '');
  if (!target) return c.html(<InvalidLinkPage />, 404);
  const { invitation, questionnaire } = target;
  const form = await c.req.parseBody();
  const state: FormState = Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
  const parsed = answerFormSchema(questionnaire).safeParse(form);
  if (!parsed.success) return c.html(page(c, target, state, { errors: fieldErrors(parsed.error.issues) }), 400);

  const at = deps.now().toISOString();
  const answers = parsed.data;
  const stored = await recordSubmission(deps.table, invitation, answers, { at, retentionDays: deps.responseRetentionDays });
  recordMetric('ResponsesRecorded');
  const reasons = complaintReasons(questionnaire, answers, deps.complaintRules);
  // Only a complaint needs the invitation itself (who, served by whom): read it then.
  const full = reasons.length > 0 && stored ? ('email' in invitation ? invitation : await findInvitationByLinkId(deps.table, invitation.linkId)) : undefined;
  if (full) {
    const opened = await raiseComplaint({ table: deps.table, queue: deps.complaintQueue, handling: deps.complaintHandling }, { invitation: full, responseId: invitation.responseId, reasons, anonymous: questionnaire.anonymous, minimumGroupSize: questionnaire.minimumGroupSize, at: new Date(at) });
    if (opened) recordMetric('ComplaintsOpened');
  }

  // Without JavaScript, probes for low ratings appear on this next step.
  if (probesDue(questionnaire, answers).length > 0 && form[fieldNames.probesShown] === undefined) {
    return c.html(page(c, target, state, { note: 'Thank you — your answers are saved. You rated some things low: what went wrong?' }));
  }
  return c.html(<ThankYouPage businessName={deps.businessName} complaint={reasons.includes('requested')} anonymous={questionnaire.anonymous} />);
}

/** One message per field, named by the field, for the page's error summary. */
function fieldErrors(issues: ReadonlyArray<{ code: string; path: ReadonlyArray<PropertyKey>; message: string; keys?: string[] }>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys ?? []) errors[key] = `${key}: is not a question of this questionnaire`;
    else errors[String(issue.path[0] ?? 'form')] ??= `${String(issue.path[0] ?? 'form')}: ${issue.message}`;
  }
  return errors;
}

function page(c: Context<AppEnv>, target: Target, state: FormState, extra: { note?: string; errors?: Record<string, string> }) {
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
