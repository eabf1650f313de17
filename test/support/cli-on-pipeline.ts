import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { writeRunFile } from '../../local/run-file.ts';
import type { TestPipeline } from './local-services.ts';

export interface CliRun {
  code: number;
  /** stdout: results only. */
  out: string;
  /** stderr: errors and progress. */
  err: string;
}

/**
 * Runs `feedback …` in-process against a test pipeline's table, as it runs against `npm start`:
 * through a run file in a temporary data folder. `inboxUrl` replaces the SES endpoint, e.g. with
 * a server that refuses mail.
 */
export async function cliOn(pipeline: TestPipeline, args: string[], options: { inboxUrl?: string; dataDir?: string } = {}): Promise<CliRun> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cli-'));
  writeRunFile(join(dataDir, 'local-stack.json'), {
    pid: process.pid,
    apiUrl: 'http://localhost:1',
    inboxUrl: options.inboxUrl ?? pipeline.inbox.url,
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tableName: pipeline.table.name,
    startedAt: new Date().toISOString(),
  });
  const previous = process.env['FEEDBACK_DATA_DIR'];
  process.env['FEEDBACK_DATA_DIR'] = dataDir;
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, (line) => out.push(line), (line) => err.push(line));
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (previous === undefined) delete process.env['FEEDBACK_DATA_DIR'];
    else process.env['FEEDBACK_DATA_DIR'] = previous;
  }
}
