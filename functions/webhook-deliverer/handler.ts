import '../../shared/platform/config/lambda-startup.ts';
import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { awsClientConfig } from '../../shared/platform/aws-clients.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';
import { fetchPost } from '../../shared/integrations/deliver-event.ts';
import { complaintLinksFrom, headlineFrom } from '../../shared/integrations/chat-lookups.ts';
import { secretsManagerSecrets } from '../../shared/integrations/destination-secrets.ts';
import { createWebhookDeliverer } from './webhook-deliverer.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';

const env = readSettings(SETTINGS);
const log = createLogger({ service: 'webhook-deliverer' });
const table = openTable(env.tableName, {}, env.callBudget);
const sqs = new SQSClient(awsClientConfig({}, env.callBudget));
const now = () => new Date();

/** A receiver gets this long to answer; the function's 60 s timeout holds a batch's slowest. */
const RECEIVER_TIMEOUT_MS = 5_000;

export const handler = withLambdaContext(
  log,
  createWebhookDeliverer({
    table,
    destinations: new Map(env.destinations.map((d) => [d.id, d])),
    secretOf: secretsManagerSecrets(env.callBudget),
    post: fetchPost(RECEIVER_TIMEOUT_MS),
    businessName: env.businessName,
    complaintLinks: complaintLinksFrom({ publicBaseUrl: env.publicBaseUrl, linkSecret: linkSecretFrom(env.linkSecretArn, env.callBudget), now }),
    headlineOf: headlineFrom(table),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    now,
    retryLater: async (record, seconds) => {
      await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: env.deliveryQueueUrl, ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }));
    },
    log,
  }),
);
