import '../../shared/platform/config/lambda-startup.ts';
import { createSenderHandler } from './sender.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { mailContextFrom } from '../../shared/platform/mail/mail-context.ts';
import { linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';

const env = readSettings(SETTINGS);

const log = createLogger({ service: 'sender' });

export const handler = withLambdaContext(
  log,
  createSenderHandler({
    ...mailContextFrom(env),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    publicBaseUrl: env.publicBaseUrl,
    linkSecret: linkSecretFrom(env.linkSecretArn, env.callBudget),
    linkValidityDays: env.linkValidityDays,
    timeZone: env.timeZone,
    log,
  }),
);
