import * as z from '../shared/platform/validation/zod.ts';
import { resolve } from 'node:path';
import { parseOrThrow } from '../shared/platform/config/zod-issues.ts';

const ZPort = z.pipe(z.coerce.number(), z.int()).check(z.minimum(1), z.maximum(65535));

/** The local stack's ports and folders, from `FEEDBACK_*` environment variables. */
export function localSettings(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseOrThrow(
    z.object({
      FEEDBACK_API_PORT: z._default(ZPort, 3000),
      FEEDBACK_INBOX_PORT: z._default(ZPort, 8005),
      FEEDBACK_DYNAMODB_PORT: z._default(ZPort, 8000),
      FEEDBACK_RECEIVER_PORT: z._default(ZPort, 8006),
      FEEDBACK_DATA_DIR: z._default(z.string().check(z.minLength(1)), '.data'),
    }),
    env,
    'local stack settings (environment)',
  );
  const dataDir = resolve(parsed.FEEDBACK_DATA_DIR);
  return {
    apiPort: parsed.FEEDBACK_API_PORT,
    inboxPort: parsed.FEEDBACK_INBOX_PORT,
    dynamodbPort: parsed.FEEDBACK_DYNAMODB_PORT,
    receiverPort: parsed.FEEDBACK_RECEIVER_PORT,
    /** Each local webhook's signing secret, one file per webhook id. */
    webhookSecretDir: resolve(dataDir, 'webhook-secrets'),
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
