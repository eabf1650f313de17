import '../../shared/platform/config/lambda-startup.ts';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.tsx';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';
import { apiGatewayIamAccess } from '../../shared/platform/web/admin-access.ts';
import { sqsQueue } from '../../shared/platform/queue/sqs-queue.ts';
import { siteBrandFrom } from '../../shared/platform/brand/brand.ts';

const env = readSettings(SETTINGS);
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
      linkSecret: linkSecretFrom(env.linkSecretArn, env.callBudget),
      now: () => new Date(),
      adminAccess: apiGatewayIamAccess(),
      logError: (message, error, fields) => log.error(message, error, fields),
      site: siteBrandFrom(env.branding, env.businessName, env.brandDir),
    }),
  ),
);
