import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as z from '../shared/platform/validation/zod.ts';

/** What a running `npm start` records, so the CLI and a second start can find it. */
export const ZRunFile = z.object({
  pid: z.int(),
  apiUrl: z.string(),
  inboxUrl: z.string(),
  /** Absent in run files written before the receiver existed. */
  receiverUrl: z.optional(z.string()),
  /** The head-of-service dashboard link `npm start` printed, for `feedback status`. */
  dashboardUrl: z.optional(z.string()),
  dynamodbEndpoint: z.string(),
  tableName: z.string(),
  startedAt: z.string(),
});
export type TRunFile = z.output<typeof ZRunFile>;

/** The running local stack, or undefined when none runs (a stale file is ignored). */
export function readRunFile(file: string): TRunFile | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = ZRunFile.safeParse(safeJson(readFileSync(file, 'utf8')));
  if (!parsed.success || !isAlive(parsed.data.pid)) return undefined;
  return parsed.data;
}

export function writeRunFile(file: string, content: TRunFile): void {
  writeFileSync(file, JSON.stringify(content, null, 2));
}

export function removeRunFile(file: string): void {
  rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
