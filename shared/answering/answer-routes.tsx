import type { Context, Hono } from 'hono';
import { findInvitationByLinkId } from '../invitations/invitation-store.ts';
import { getResponse } from './response-store.ts';
import { recordOneClick, recordSubmission, upgradedAnswerLink } from './anonymous-answer.ts';
import { raiseComplaint } from '../complaints/open-complaint.ts';
import { answerFormSchema, ZScoreField, fieldNames } from '../questionnaires/answer-schema.ts';
import { complaintReasons } from '../complaints/complaint-rules.ts';
import { CLICK_EVIDENCE, ONE_CLICK_FIELD, requestHoldReason } from './one-click.ts';
import * as z from '../platform/validation/zod.ts';
import { recordMetric } from '../platform/observability/metrics.ts';
import { formStateFromAnswers } from './form-state.ts';
import { BadRequestPage, InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { readForm } from '../platform/web/form-body.ts';
import { QuestionnairePage, type FormState } from './questionnaire-page.tsx';
import { ThankYouPage } from './thank-you-page.tsx';
import { complaintFollowUp, fieldErrors, isPromoter } from './answer-outcome.ts';
import { formatDate, textsIn } from '../platform/language/languages.ts';
import { ANSWERING_TEXT } from './answering-text.ts';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { MessageQueue } from '../platform/queue/message-queue.ts';
import { languageFor, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { ComplaintHandling } from '../complaints/open-complaint.ts';
import type { TComplaintMessage } from '../complaints/complaint-messages.ts';
import type { ComplaintRules } from '../complaints/complaint-rules.ts';
import { verifiedLink } from '../platform/web/verified-link.ts';
import { FORM_SCRIPT, FORM_SCRIPT_PATH } from './form-script.ts';
import { shownValues } from '../questionnaires/value-rotation.ts';

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
 * The questionnaire page and its submission. Opening a score link from the email only shows
 * the form with that score selected: mail scanners fetch every link, so a GET records
 * nothing. The page's script confirms the score once a person is plausibly there (a POST
 * marked `one-click`, see `one-click.ts`); submitting the form always counts.
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
  // The values this link asks (the planner's rotation); links without a mask ask them all.
  const values = shownValues(questionnaire, claims.scope?.shown);
  return { invitation: { ...invitation, ...(upgraded ? { responseId: upgraded.responseId } : {}) }, questionnaire, values, expiresAt: claims.expiresAt, upgraded: upgraded?.token };
}

async function showAnswerPage(c: Context<AppEnv>, deps: Deps) {
  const target = await answerTarget(deps, c.req.param('token') ?? '');
  if (!target) return c.html(<InvalidLinkPage />, 404);
  if (target.upgraded) return c.redirect(`${c.req.path.replace(c.req.param('token') ?? '', target.upgraded)}${new URL(c.req.url).search}`, 303);
  const { invitation, questionnaire } = target;
  const existing = await getResponse(deps.table, invitation);
  // A forgotten person's links do nothing: the same page as for any bad link.
  if (existing?.forgottenAt) return c.html(<InvalidLinkPage />, 404);
  // A held score is a scanner's, not the person's: it is never shown as their choice.
  const state = formStateFromAnswers(questionnaire, existing?.headlineHeld ? undefined : existing?.headlineScore, existing?.answers);

  const clicked = ZScoreField(questionnaire).safeParse(c.req.query('score'));
  const text = textsIn(ANSWERING_TEXT, languageFor(questionnaire, invitation.language));
  if (existing?.submittedAt) return c.html(page(c, target, state, { note: text.answersSent }));
  if (!clicked.success) return c.html(page(c, target, state, {}));
  state[fieldNames.headline] = String(clicked.data);
  return c.html(page(c, target, state, { note: text.scoreThanks, oneClick: clicked.data }));
}

/** The page script's confirmation of a one-click score: `score` and what it saw (`one-click`). */
function oneClickSchema(questionnaire: TQuestionnaire) {
  return z.strictObject({ [fieldNames.headline]: ZScoreField(questionnaire), [ONE_CLICK_FIELD]: z.enum(CLICK_EVIDENCE) });
}

async function confirmOneClick(c: Context<AppEnv>, deps: Deps, target: Target, form: Record<string, unknown>) {
  const parsed = oneClickSchema(target.questionnaire).safeParse(form);
  if (!parsed.success) return c.html(<BadRequestPage />, 400);
  const outcome = await recordOneClick(deps.table, target.invitation, {
    score: parsed.data[fieldNames.headline],
    evidence: parsed.data[ONE_CLICK_FIELD],
    at: deps.now().toISOString(),
    retentionDays: deps.responseRetentionDays,
    ...holdOf(c),
  });
  if (outcome.forgotten) return c.html(<InvalidLinkPage />, 404);
  // The same answer whether the score counted or was held: a scanner learns nothing.
  return c.body(null, 204);
}

function holdOf(c: Context<AppEnv>) {
  const hold = requestHoldReason(c.req.method, c.req.header('user-agent'));
  return hold ? { holdReason: hold } : {};
}

async function submitAnswers(c: Context<AppEnv>, deps: Deps) {
  const target = await answerTarget(deps, c.req.param('token') ?? '');
  if (!target) return c.html(<InvalidLinkPage />, 404);
  const { invitation, questionnaire } = target;
  const form = await readForm(c);
  if (!form) return c.html(<BadRequestPage />, 400);
  if (form[ONE_CLICK_FIELD] !== undefined) return confirmOneClick(c, deps, target, form);
  const state: FormState = Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? value : '']));
  const parsed = answerFormSchema(questionnaire, target.values).safeParse(form);
  if (!parsed.success) {
    // Only this refusal path reads: a forgotten person's link must not show a form either.
    if ((await getResponse(deps.table, invitation))?.forgottenAt) return c.html(<InvalidLinkPage />, 404);
    return c.html(page(c, target, state, { errors: fieldErrors(parsed.error.issues, questionnaire, languageFor(questionnaire, invitation.language)) }), 400);
  }

  const at = deps.now().toISOString();
  const answers = parsed.data;
  const recorded = await recordSubmission(deps.table, invitation, answers, { at, retentionDays: deps.responseRetentionDays });
  if (recorded === 'forgotten') return c.html(<InvalidLinkPage />, 404);
  const stored = recorded === 'stored';
  recordMetric('ResponsesRecorded');
  const reasons = complaintReasons(questionnaire, answers, deps.complaintRules);
  // Only a complaint needs the invitation itself (who, served by whom): read it then.
  const full = reasons.length > 0 && stored ? ('email' in invitation ? invitation : await findInvitationByLinkId(deps.table, invitation.linkId)) : undefined;
  if (full) {
    const opened = await raiseComplaint({ table: deps.table, queue: deps.complaintQueue, handling: deps.complaintHandling }, { invitation: full, responseId: invitation.responseId, reasons, anonymous: questionnaire.anonymous, minimumGroupSize: questionnaire.minimumGroupSize, at: new Date(at) });
    if (opened) recordMetric('ComplaintsOpened');
  }

  const language = languageFor(questionnaire, invitation.language);
  const timeZone = deps.complaintHandling.calendar.timeZone;
  const followUp = reasons.includes('requested') ? await complaintFollowUp(deps.table, { anonymous: questionnaire.anonymous, complaintId: invitation.linkId, language, timeZone }) : undefined;
  return c.html(
    <ThankYouPage
      businessName={deps.businessName}
      language={language}
      changeUntil={formatDate(new Date(target.expiresAt * 1000), language, timeZone)}
      {...(followUp ? { complaint: followUp } : {})}
      {...(questionnaire.reviewUrl && isPromoter(questionnaire, answers.headline) ? { reviewUrl: questionnaire.reviewUrl } : {})}
    />,
  );
}

function page(c: Context<AppEnv>, target: Target, state: FormState, extra: { note?: string; errors?: Record<string, string>; oneClick?: number }) {
  return (
    <QuestionnairePage
      questionnaire={target.questionnaire}
      values={target.values}
      language={target.invitation.language}
      action={c.req.path}
      state={state}
      {...(extra.note ? { note: extra.note } : {})}
      {...(extra.errors ? { errors: extra.errors } : {})}
      {...(extra.oneClick !== undefined ? { oneClick: extra.oneClick } : {})}
    />
  );
}
