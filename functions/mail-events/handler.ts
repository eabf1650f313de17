import '../../shared/config/lambda-startup.ts';
import { createMailEventsHandler } from './mail-events.ts';
import { readEnv } from '../../shared/config/runtime-env.ts';
import { openTable } from '../../shared/storage/table-client.ts';
import { createLogger, withLambdaContext } from '../../shared/observability/logger.ts';

const env = readEnv(['callBudget', 'tableName']);

const log = createLogger({ service: 'mail-events' });

export const handler = withLambdaContext(
  log,
  createMailEventsHandler({
    table: openTable(env.tableName, {}, env.callBudget),
    now: () => new Date(),
    log,
  }),
);
