import { createLocalPipeline, type LocalPipelineOptions } from '../../local/local-pipeline.ts';
import { listManagers } from '../../shared/people/directory-store.ts';
import { ROUTES, routeUrl } from '../../shared/platform/web/routes.ts';
import { localLinkSecret } from '../../local/local-secret.ts';
import { localPipelineOptions } from '../jobs.ts';
import { runScheduledJob } from '../run-job.ts';
import type { LocalTarget } from '../target.ts';
import { StepFailure } from './check-steps.ts';
import { describeSchedules, expectedSchedules } from './expected-schedules.ts';
import type { CheckEnvironment } from './journey.ts';

/**
 * The journey against `npm start`. As `feedback send` does locally, the sender runs in this
 * process on the local stack's table and inbox, with the mailbox simulator in front of the
 * inbox, so the bounce and complaint addresses come back as mail events here; the answers go
 * to the running API, whose complaints queue notifies the owner.
 * `overrides` change the wiring (a test stops the mail-events consumer with `mailEvents: false`).
 */
export function localEnvironment(target: LocalTarget, overrides: Partial<LocalPipelineOptions> = {}): CheckEnvironment {
  const options = { ...localPipelineOptions(target, 'check'), ...overrides };
  const { config, questionnaires } = options;
  const pipeline = createLocalPipeline(options);
  return {
    name: 'the local stack',
    table: pipeline.table,
    config,
    questionnaires,
    apiUrl: target.run.apiUrl,
    patience: { sendMs: 30_000, mailEventsMs: 30_000, complaintMs: 30_000 },
    async describeDeployment() {
      const health = routeUrl(target.run.apiUrl, ROUTES.health, {});
      const answer = await fetch(health, { signal: AbortSignal.timeout(5000) }).catch((error: unknown) => {
        throw new StepFailure(`the API at ${target.run.apiUrl} does not answer: ${(error as Error).message}`, 'restart the local stack: Ctrl-C, then `npm start`');
      });
      if (answer.status !== 200) throw new StepFailure(`${health} answered ${answer.status}`, 'read the local stack’s output for the error; restart it');
      const managers = await listManagers(pipeline.table);
      return `API ${target.run.apiUrl} healthy; table ${target.run.tableName} readable (${managers.length} manager(s)); config ${config.stackName}, ${config.timeZone}, ${questionnaires.length} questionnaire(s)`;
    },
    async senderIdentity() {
      return `the local SES emulator accepts any sender; with --stack this checks that ${config.senderAddress} is verified and whether the account is in the SES sandbox`;
    },
    queueInvitations: (requests) => pipeline.sendQueue.send(requests),
    linkSecret: async () => localLinkSecret(target.settings.secretFile),
    async receivedAnswerLink(address) {
      // The SES emulator's store (its web inbox's JSON): the mail exactly as the customer would get it.
      const store = (await (await fetch(`${target.run.inboxUrl}/store`)).json()) as { emails: Array<{ destination: { to: string[] }; body: { text?: string } }> };
      const mail = store.emails.filter((email) => email.destination.to.includes(address)).at(-1);
      const answerPath = ROUTES.answerPage.path.split('{')[0]!;
      return mail?.body.text ? new RegExp(`${escapeRegExp(target.run.apiUrl)}${answerPath}[^?\\s"<>]+`).exec(mail.body.text)?.[0] : undefined;
    },
    runJob: (job, options) => runScheduledJob(target, job, options),
    async schedules() {
      // The local clock runs exactly these definitions (local/local-clock.ts), in the business time zone.
      return `run by the local clock: ${describeSchedules(expectedSchedules(config, new Date()))}`;
    },
    async deadLetters() {
      await pipeline.drained();
      const dead = [pipeline.sendQueue, pipeline.complaintQueue, pipeline.mailEventQueue].map((queue) => queue.deadLetters.length);
      const total = dead.reduce((sum, n) => sum + n, 0);
      if (total > 0) throw new StepFailure(`${total} message(s) dead-lettered during the check`, 'the failing consumer logged why: rerun with the local stack’s output in view');
      return 'none dead-lettered during the check (the local stack’s own queues log theirs on its terminal)';
    },
    async close() {
      await pipeline.drained();
      pipeline.close();
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
