import type { TDeploymentConfig } from '../../shared/deployment/deployment-config.ts';
import type { ScheduledJob } from '../../shared/deployment/schedules.ts';
import type { TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import { getInvitation, type TSendRequest } from '../../shared/invitations/invitation-store.ts';
import { getResponse } from '../../shared/answering/response-store.ts';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import { isSuppressed } from '../../shared/people/suppression-store.ts';
import { headlineScores } from '../../shared/questionnaires/headline-scale.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { signLink } from '../../shared/platform/tokens/link-token.ts';
import { ROUTES, routeUrl } from '../../shared/platform/web/routes.ts';
import type { JobOptions, JobResult } from '../run-job.ts';
import { StepFailure, waitFor, type CheckStep } from './check-steps.ts';
import { plantSyntheticInvitations, removeSynthetic, SYNTHETIC_WAVE, type SyntheticRun } from './synthetic-data.ts';

/** What the journey needs of the stack it checks: the local stack or a deployed one. */
export interface CheckEnvironment {
  /** "the local stack" or "stack NAME". */
  readonly name: string;
  readonly table: Table;
  readonly config: TDeploymentConfig;
  readonly questionnaires: readonly TQuestionnaire[];
  /** Where the questionnaire links point: the API the customers reach. */
  readonly apiUrl: string;
  /** How long each asynchronous path may take: seconds locally, minutes in AWS. */
  readonly patience: { readonly sendMs: number; readonly mailEventsMs: number; readonly complaintMs: number };
  /** That the outputs are readable and the deployment runs the config in this checkout; answers what was found. */
  describeDeployment(): Promise<string>;
  /** The sender identity's verification and the account's sandbox status. */
  senderIdentity(): Promise<string>;
  /** Hands invitations to the sender, as the planner does. */
  queueInvitations(requests: readonly TSendRequest[]): Promise<void>;
  /** The link-signing secret the API verifies links with. */
  linkSecret(): Promise<string>;
  /**
   * The questionnaire link in the mail `address` received, where the mail can be read (the
   * local inbox); undefined where it cannot (SES's simulator keeps no mail), and the check
   * signs the link itself.
   */
  receivedAnswerLink?(address: string): Promise<string | undefined>;
  runJob(job: ScheduledJob, options?: JobOptions): Promise<JobResult>;
  /** That each schedule exists and is enabled, with its next run in the business time zone. */
  schedules(): Promise<string>;
  /** That the dead-letter queues are empty. */
  deadLetters(): Promise<string>;
  close(): Promise<void>;
}

export interface JourneyContext {
  readonly env: CheckEnvironment;
  readonly run: SyntheticRun;
  readonly keep: boolean;
  readonly now: () => Date;
}

const RUNBOOK = 'docs/feedback-check.md';

export const JOURNEY: readonly CheckStep<JourneyContext>[] = [
  {
    id: 'stack',
    title: 'Stack outputs and config',
    run: ({ env }) => env.describeDeployment(),
  },
  {
    id: 'sender',
    title: 'Sender identity and SES sandbox',
    run: ({ env }) => env.senderIdentity(),
  },
  {
    id: 'invitation',
    title: 'Invitation planned, sent and recorded',
    needs: ['stack'],
    async run({ env, run, now }, progress) {
      const requests = await plantSyntheticInvitations(env.table, run, now());
      await env.queueInvitations(requests);
      const customer = requests.find((r) => r.email === run.addresses.customer)!;
      const sent = await waitFor(
        async () => {
          const invitation = await getInvitation(env.table, customer);
          return invitation?.status === 'sent' || invitation?.status === 'failed' ? invitation : undefined;
        },
        {
          timeoutMs: env.patience.sendMs,
          what: 'the sender to send the invitation',
          progress,
          failure: () => new StepFailure(`the invitation to ${run.addresses.customer} was queued but not sent within ${env.patience.sendMs / 1000} s`, `the sender is not consuming the send queue: read the sender function's log and the SendQueueAge alarm (${RUNBOOK}#invitation)`),
        },
      );
      if (sent.status === 'failed') throw new StepFailure(`the sender recorded the invitation as failed: ${sent.failure ?? 'no reason'}`, `read the sender function's log for that SES error (${RUNBOOK}#invitation)`);
      return `sent to ${run.addresses.customer} at ${sent.sentAt}, SES message ${sent.sesMessageId}`;
    },
  },
  {
    id: 'answer',
    title: 'Links open the questionnaire; an answer is stored and read back',
    needs: ['invitation'],
    async run({ env, run, now }) {
      const linkId = run.linkIds.get(run.addresses.customer)!;
      const scope = { questionnaireId: run.questionnaire.id, waveId: SYNTHETIC_WAVE, language: run.questionnaire.languages[0] ?? 'en' };
      const received = env.receivedAnswerLink ? await env.receivedAnswerLink(run.addresses.customer) : undefined;
      if (env.receivedAnswerLink && !received) throw new StepFailure(`no mail with a questionnaire link reached ${run.addresses.customer}`, `the sender's mail did not reach the inbox: read its log (${RUNBOOK}#answer)`);
      const token = signLink({ purpose: 'answer', linkId, expiresAt: Math.floor(now().getTime() / 1000) + 3600, scope }, await env.linkSecret());
      const url = received ?? routeUrl(env.apiUrl, ROUTES.answerPage, { token });
      const page = await fetchOrFail(url, { method: 'GET' });
      if (page.status !== 200 || !(await page.text()).includes(`name="${fieldNames.headline}"`)) {
        throw new StepFailure(`the questionnaire link answered ${page.status} instead of the form`, `a 404 means the API does not accept the stack's link secret; a 5xx, read the http-api log (${RUNBOOK}#answer)`);
      }
      const score = Math.min(...headlineScores(run.questionnaire));
      const posted = await fetchOrFail(url, { method: 'POST', body: new URLSearchParams({ [fieldNames.headline]: String(score), [fieldNames.complaint]: 'yes' }) });
      if (posted.status !== 200) throw new StepFailure(`submitting the answer answered ${posted.status}`, `read the http-api log for the request (${RUNBOOK}#answer)`);
      const stored = await getResponse(env.table, { questionnaireId: scope.questionnaireId, waveId: SYNTHETIC_WAVE, linkId });
      if (stored?.headlineScore !== score) throw new StepFailure(`the answer was accepted but not found in table ${env.table.name}`, `the API writes to another table than the stack's outputs name: redeploy (${RUNBOOK}#answer)`);
      return `${received ? 'the link in the email' : 'a link signed with the stack’s secret'} opened the form at ${new URL(url).origin}; score ${score} stored and read back`;
    },
  },
  {
    id: 'suppression',
    title: 'Bounce and complaint reach the suppression list',
    needs: ['invitation'],
    async run({ env, run }, progress) {
      const addresses = [run.addresses.bounce, run.addresses.complaint];
      const missing = async () => (await Promise.all(addresses.map(async (a) => ((await isSuppressed(env.table, a)) ? undefined : a)))).filter((a) => a !== undefined);
      await waitFor(async () => ((await missing()).length === 0 ? true : undefined), {
        timeoutMs: env.patience.mailEventsMs,
        what: 'SES bounce and complaint events',
        progress,
        failure: async () => {
          const notSent: string[] = [];
          for (const email of addresses) {
            const invitation = await getInvitation(env.table, { questionnaireId: run.questionnaire.id, waveId: SYNTHETIC_WAVE, email });
            if (invitation?.status !== 'sent') notSent.push(`${email} (${invitation?.status ?? 'missing'})`);
          }
          if (notSent.length > 0) return new StepFailure(`not sent, so no event could come back: ${notSent.join(', ')}`, `see the invitation step (${RUNBOOK}#invitation)`);
          return new StepFailure(
            `sent, but not on the suppression list after ${env.patience.mailEventsMs / 1000} s: ${(await missing()).join(', ')}`,
            `SES events do not reach the mail-events function: check the configuration set's event destination (bounce, complaint) → SNS topic → subscription, and the mail-events log and dead-letter queue (${RUNBOOK}#suppression)`,
          );
        },
      });
      return `${addresses.join(' and ')} suppressed`;
    },
  },
  {
    id: 'complaint',
    title: 'A complaint reaches its owner and is sent',
    needs: ['answer'],
    async run({ env, run }, progress) {
      const id = run.linkIds.get(run.addresses.customer)!;
      const complaint = await getComplaint(env.table, id);
      if (!complaint) throw new StepFailure('the answer with the complaint box ticked opened no complaint', `check complaints.npsAtMost / csatAtMost and the http-api log (${RUNBOOK}#complaint)`);
      if (complaint.ownerEmail !== run.addresses.manager) throw new StepFailure(`the complaint went to ${complaint.ownerEmail}, not the department's manager`, `the department lookup failed: read the http-api log (${RUNBOOK}#complaint)`);
      await waitFor(async () => ((await getComplaint(env.table, id))?.notified['opened']?.state === 'sent' ? true : undefined), {
        timeoutMs: env.patience.complaintMs,
        what: 'the complaints function to notify the owner',
        progress,
        failure: () => new StepFailure(`the owner's notification was not sent within ${env.patience.complaintMs / 1000} s`, `the complaints function is not consuming its queue: read its log and the ComplaintQueueAge alarm (${RUNBOOK}#complaint)`),
      });
      return `owned by ${complaint.ownerEmail} (a simulator address); notification sent`;
    },
  },
  {
    id: 'sweep',
    title: 'The complaint sweep runs on demand',
    needs: ['stack'],
    async run({ env }) {
      const result = await env.runJob('sweepComplaints');
      if (result.job !== 'sweepComplaints') throw new StepFailure('the sweep answered for another job', `redeploy: the complaints function is not this version (${RUNBOOK}#sweep)`);
      return `${result.checked} complaint(s) checked, ${result.escalated} escalated, ${result.resent} re-sent`;
    },
  },
  {
    id: 'schedules',
    title: 'Schedules exist, are enabled and run next in the business time zone',
    run: ({ env }) => env.schedules(),
  },
  {
    id: 'dead-letters',
    title: 'Dead-letter queues are empty',
    run: ({ env }) => env.deadLetters(),
  },
  {
    id: 'cleanup',
    title: 'Synthetic data removed',
    async run({ env, run, keep }) {
      if (keep) return `kept (--keep): addresses labelled feedback-check-${run.id}, department ${run.departmentId}, wave ${SYNTHETIC_WAVE}`;
      const removed = await removeSynthetic(env.table, run);
      return `${removed} item(s) removed`;
    },
  },
];

async function fetchOrFail(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new StepFailure(`cannot reach the API at ${new URL(url).origin}: ${(error as Error).message}`, `check the ApiUrl output and the API's custom domain (${RUNBOOK}#answer)`);
  }
}
