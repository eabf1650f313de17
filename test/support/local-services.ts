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
  const pipeline: LocalPipeline = createLocalPipeline({
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
  });
  return {
    ...pipeline,
    inbox,
    mailDir,
    logLines,
    async stop() {
      pipeline.sendQueue.close();
      await inbox.stop();
    },
  };
}

/** The path (without origin) of the first link in `text` that starts with `prefix`. */
export function linkPath(text: string, prefix: string): string {
  const match = new RegExp(`${TEST_BASE_URL.replace(/[.]/g, '\\.')}(${prefix}[^\\s"<>]+)`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in the email`);
  return match[1]!.replace(/&amp;/g, '&');
}
