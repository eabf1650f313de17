import '../../shared/platform/config/lambda-startup.ts';
import { createDigestHandler } from './digest.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { sesMailer } from '../../shared/platform/mail/mailer.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';

const env = readSettings(SETTINGS);

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
