import '../../shared/config/lambda-startup.ts';
import { createDigestHandler } from './digest.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { sesMailer } from '../../shared/mail/mailer.ts';
import { createLogger, withLambdaContext } from '../../shared/observability/logger.ts';

const env = readEnv(['callBudget', 'tableName', 'questionnaireDir', 'businessName', 'senderAddress', 'sesConfigurationSet', 'complaintHandling']);

const log = createLogger({ service: 'digest' });

export const handler = withLambdaContext(
  log,
  createDigestHandler({
    table: openTable(env.tableName, {}, env.callBudget),
    mailer: sesMailer({ configurationSet: env.sesConfigurationSet, budget: env.callBudget }),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    handling: env.complaintHandling,
    businessName: env.businessName,
    senderAddress: env.senderAddress,
    now: () => new Date(),
    log,
  }),
);
