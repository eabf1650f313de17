import '../../shared/config/lambda-startup.ts';
import { createSenderHandler } from './sender.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { sesMailer } from '../../shared/mail/mailer.ts';
import { linkSecret } from '../../shared/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/observability/logger.ts';
import { SENDER_MAX_CONCURRENCY } from '../../shared/sending/send-rate.ts';

const env = readEnv([
  'callBudget',
  'tableName',
  'questionnaireDir',
  'businessName',
  'senderAddress',
  'publicBaseUrl',
  'linkValidityDays',
  'sesConfigurationSet',
  'sesSendRate',
]);

const log = createLogger({ service: 'sender' });

export const handler = withLambdaContext(
  log,
  createSenderHandler({
    table: openTable(env.tableName, {}, env.callBudget),
    mailer: sesMailer({ configurationSet: env.sesConfigurationSet, budget: env.callBudget }),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    businessName: env.businessName,
    senderAddress: env.senderAddress,
    publicBaseUrl: env.publicBaseUrl,
    linkSecret: () => linkSecret(env.callBudget),
    linkValidityDays: env.linkValidityDays,
    now: () => new Date(),
    sendsPerSecond: env.sesSendRate / SENDER_MAX_CONCURRENCY,
    log,
  }),
);
