import '../../shared/platform/config/lambda-startup.ts';
import { createPlannerHandler } from './planner.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { sqsQueue } from '../../shared/platform/queue/sqs-queue.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';

const env = readSettings(SETTINGS);

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
