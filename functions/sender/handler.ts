import '../../shared/config/lambda-startup.ts';
import { createSenderHandler } from './sender.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { sesMailer } from '../../shared/mail/mailer.ts';
import { linkSecret } from '../../shared/tokens/link-secret.ts';
import { createLogger } from '../../shared/observability/logger.ts';
import { SENDER_MAX_CONCURRENCY } from '../../shared/sending/send-rate.ts';

const env = readEnv([
  'tableName',
  'questionnaireDir',
  'businessName',
  'senderAddress',
  'publicBaseUrl',
  'linkValidityDays',
  'sesConfigurationSet',
  'sesSendRate',
]);

export const handler = createSenderHandler({
  table: openTable(env.tableName),
  mailer: sesMailer({ configurationSet: env.sesConfigurationSet }),
  questionnaires: loadQuestionnaires(env.questionnaireDir),
  businessName: env.businessName,
  senderAddress: env.senderAddress,
  publicBaseUrl: env.publicBaseUrl,
  linkSecret,
  linkValidityDays: env.linkValidityDays,
  now: () => new Date(),
  sendsPerSecond: env.sesSendRate / SENDER_MAX_CONCURRENCY,
  log: createLogger({ function: 'sender' }),
});
