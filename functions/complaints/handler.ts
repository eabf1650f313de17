import '../../shared/config/lambda-startup.ts';
import { createComplaintsHandler } from './complaints.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { sesMailer } from '../../shared/mail/mailer.ts';
import { sqsQueue } from '../../shared/queue/sqs-queue.ts';
import { linkSecret } from '../../shared/tokens/link-secret.ts';
import { createLogger } from '../../shared/observability/logger.ts';

const env = readEnv(['tableName', 'questionnaireDir', 'businessName', 'senderAddress', 'publicBaseUrl', 'sesConfigurationSet', 'complaintHandling', 'complaintQueueUrl']);

export const handler = createComplaintsHandler({
  table: openTable(env.tableName),
  mailer: sesMailer({ configurationSet: env.sesConfigurationSet }),
  queue: sqsQueue(env.complaintQueueUrl),
  questionnaires: loadQuestionnaires(env.questionnaireDir),
  handling: env.complaintHandling,
  businessName: env.businessName,
  senderAddress: env.senderAddress,
  publicBaseUrl: env.publicBaseUrl,
  linkSecret,
  now: () => new Date(),
  log: createLogger({ function: 'complaints' }),
});
