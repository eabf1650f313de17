import * as z from 'zod';
import { resolve } from 'node:path';
import { parseOrThrow } from '../../shared/config/zod-issues.ts';

const ZPort = z.coerce.number().int().min(1).max(65535);

/** The local stack's ports and folders, from `FEEDBACK_*` environment variables. */
export function localSettings(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseOrThrow(
    z.object({
      FEEDBACK_API_PORT: ZPort.default(3000),
      FEEDBACK_INBOX_PORT: ZPort.default(8005),
      FEEDBACK_DYNAMODB_PORT: ZPort.default(8000),
      FEEDBACK_DATA_DIR: z.string().min(1).default('.data'),
    }),
    env,
    'local stack settings (environment)',
  );
  const dataDir = resolve(parsed.FEEDBACK_DATA_DIR);
  return {
    apiPort: parsed.FEEDBACK_API_PORT,
    inboxPort: parsed.FEEDBACK_INBOX_PORT,
    dynamodbPort: parsed.FEEDBACK_DYNAMODB_PORT,
    dataDir,
    /** Written while `npm start` runs; the CLI and a second `npm start` read it. */
    runFile: resolve(dataDir, 'local-stack.json'),
    mailDir: resolve(dataDir, 'mail'),
    dynamodbDir: resolve(dataDir, 'dynamodb'),
    secretFile: resolve(dataDir, 'link-secret'),
    tableName: 'feedback-local',
  };
}

export type LocalSettings = ReturnType<typeof localSettings>;
