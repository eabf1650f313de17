import '../../shared/platform/config/lambda-startup.ts';
import { createComplaintsHandler } from './complaints.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { mailContextFrom } from '../../shared/platform/mail/mail-context.ts';
import { sqsQueue } from '../../shared/platform/queue/sqs-queue.ts';
import { linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';

const env = readSettings(SETTINGS);

const log = createLogger({ service: 'complaints' });

export const handler = withLambdaContext(
  log,
  createComplaintsHandler({
    ...mailContextFrom(env),
    queue: sqsQueue(env.complaintQueueUrl, { budget: env.callBudget }),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    handling: env.complaintHandling,
    publicBaseUrl: env.publicBaseUrl,
    linkSecret: linkSecretFrom(env.linkSecretArn, env.callBudget),
    log,
  }),
);
