import '../../shared/config/lambda-startup.ts';
import { createComplaintsHandler } from './complaints.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { sesMailer } from '../../shared/mail/mailer.ts';
import { sqsQueue } from '../../shared/queue/sqs-queue.ts';
import { linkSecret } from '../../shared/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/observability/logger.ts';

const env = readEnv(['callBudget', 'tableName', 'questionnaireDir', 'businessName', 'senderAddress', 'publicBaseUrl', 'sesConfigurationSet', 'complaintHandling', 'complaintQueueUrl']);

const log = createLogger({ service: 'complaints' });

export const handler = withLambdaContext(
  log,
  createComplaintsHandler({
    table: openTable(env.tableName, {}, env.callBudget),
    mailer: sesMailer({ configurationSet: env.sesConfigurationSet, budget: env.callBudget }),
    queue: sqsQueue(env.complaintQueueUrl, { budget: env.callBudget }),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    handling: env.complaintHandling,
    businessName: env.businessName,
    senderAddress: env.senderAddress,
    publicBaseUrl: env.publicBaseUrl,
    linkSecret: () => linkSecret(env.callBudget),
    now: () => new Date(),
    log,
  }),
);
