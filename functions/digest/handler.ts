import '../../shared/platform/config/lambda-startup.ts';
import { createDigestHandler } from './digest.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { mailContextFrom } from '../../shared/platform/mail/mail-context.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';
import { linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';

const env = readSettings(SETTINGS);

const log = createLogger({ service: 'digest' });

export const handler = withLambdaContext(
  log,
  createDigestHandler({
    ...mailContextFrom(env),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    handling: env.complaintHandling,
    publicBaseUrl: env.publicBaseUrl,
    linkSecret: linkSecretFrom(env.linkSecretArn, env.callBudget),
    log,
  }),
);
