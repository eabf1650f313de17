import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startSesInbox, type RunningInbox } from '../../local/ses-inbox.ts';
import { createLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../../local/local-pipeline.ts';
import { createLogger } from '../../shared/platform/observability/logger.ts';
import { demoConfig, demoQuestionnaires } from './factories.ts';
import { freePort } from './free-port.ts';
import { freshTable } from './test-table.ts';

export interface InboxEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export async function inboxEmails(inbox: RunningInbox): Promise<InboxEmail[]> {
  const response = await fetch(`${inbox.url}/store`);
  return ((await response.json()) as { emails: InboxEmail[] }).emails;
}

export const TEST_BASE_URL = 'https://feedback.test';

export type TestPipeline = Awaited<ReturnType<typeof startTestPipeline>>;

/**
 * A local pipeline on a fresh table in DynamoDB Local, mailing into its own SES emulator.
 * `logLines` collects its structured logs for assertions.
 */
export async function startTestPipeline(overrides: Partial<LocalPipelineOptions> = {}) {
  const table = await freshTable();
  const inbox = await startSesInbox(await freePort());
  // The emulator keeps one mail store per process, shared by every server in it: start empty.
  await fetch(`${inbox.url}/clear-store`, { method: 'POST' });
  const mailDir = mkdtempSync(join(tmpdir(), 'mail-'));
  const logLines: string[] = [];
  const options: LocalPipelineOptions = {
    config: demoConfig,
    questionnaires: demoQuestionnaires,
    tableName: table.name,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    sesEndpoint: inbox.url,
    publicBaseUrl: TEST_BASE_URL,
    linkSecret: 'test-secret-'.padEnd(40, 'x'),
    mailDir,
    log: createLogger({ write: (line) => logLines.push(line) }),
    visibilityTimeoutMs: 20,
    ...overrides,
  };
  const pipeline: LocalPipeline = createLocalPipeline(options);
  let stopped: Promise<void> | undefined;
  return {
    ...pipeline,
    inbox,
    mailDir,
    logLines,
    /** The origin of the links in its emails. */
    publicBaseUrl: options.publicBaseUrl,
    /** Stops its queues and its SES emulator; stopping again does nothing. */
    stop(): Promise<void> {
      pipeline.close();
      stopped ??= inbox.stop();
      return stopped;
    },
  };
}

/** Every email the pipeline has sent to `address`, oldest first. */
export async function mailSentTo(pipeline: TestPipeline, address: string): Promise<InboxEmail[]> {
  return (await inboxEmails(pipeline.inbox)).filter((email) => email.destination.to.includes(address));
}

/** POSTs a form to the pipeline's HTTP API, as a browser submits it. */
export async function postForm(pipeline: TestPipeline, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return pipeline.app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers });
}

/** The path (without origin) of the first link in `text` that starts with `prefix`. */
export function linkPath(text: string, prefix: string, baseUrl: string = TEST_BASE_URL): string {
  const match = new RegExp(`${baseUrl.replace(/[.]/g, '\\.')}(${prefix}[^\\s"<>]+)`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in the email`);
  return match[1]!.replace(/&amp;/g, '&');
}

/** The answer page's path in an invitation email, without the one-click score. */
export function answerPathIn(email: InboxEmail, baseUrl: string = TEST_BASE_URL): string {
  return linkPath(email.body.text!, '/q/', baseUrl).split('?')[0]!;
}

/** The complaint page's path in an escalation email, without the action. */
export function complaintPathIn(email: InboxEmail): string {
  return linkPath(email.body.text!, '/complaints/').split('?')[0]!;
}
