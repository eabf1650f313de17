import '../../shared/config/lambda-startup.ts';
import { createPlannerHandler } from './planner.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { loadQuestionnaires } from '../../shared/config/load-questionnaires.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { sqsQueue } from '../../shared/queue/sqs-queue.ts';
import { createLogger, withLambdaContext } from '../../shared/observability/logger.ts';

const env = readEnv([
  'callBudget',
  'tableName',
  'sendQueueUrl',
  'questionnaireDir',
  'timeZone',
  'recurringPeriodDays',
  'frequencyCapDays',
  'interactionDelayDays',
  'reminderAfterDays',
  'linkValidityDays',
]);

const log = createLogger({ service: 'planner' });

export const handler = withLambdaContext(
  log,
  createPlannerHandler({
    table: openTable(env.tableName, {}, env.callBudget),
    queue: sqsQueue(env.sendQueueUrl, { budget: env.callBudget }),
    questionnaires: loadQuestionnaires(env.questionnaireDir),
    rules: { recurringPeriodDays: env.recurringPeriodDays, frequencyCapDays: env.frequencyCapDays, interactionDelayDays: env.interactionDelayDays },
    timeZone: env.timeZone,
    reminderAfterDays: env.reminderAfterDays,
    linkValidityDays: env.linkValidityDays,
    now: () => new Date(),
    log,
  }),
);
