import '../../shared/config/lambda-startup.ts';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../../shared/http/app.tsx';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { linkSecret } from '../../shared/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/observability/logger.ts';
import { sqsQueue } from '../../shared/queue/sqs-queue.ts';

const env = readEnv(['callBudget', 'tableName', 'businessName', 'questionnaireDir', 'complaintRules', 'complaintHandling', 'complaintQueueUrl', 'responseRetentionDays']);
const log = createLogger({ service: 'http-api' });

export const handler = withLambdaContext(
  log,
  handle(
    createApp({
      table: openTable(env.tableName, {}, env.callBudget),
      questionnaires: loadQuestionnaires(env.questionnaireDir),
      businessName: env.businessName,
      complaintRules: env.complaintRules,
      responseRetentionDays: env.responseRetentionDays,
      complaintHandling: env.complaintHandling,
      complaintQueue: sqsQueue(env.complaintQueueUrl, { budget: env.callBudget }),
      linkSecret: () => linkSecret(env.callBudget),
      now: () => new Date(),
      logError: (message, error, fields) => log.error(message, error, fields),
    }),
  ),
);
