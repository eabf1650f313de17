import '../../shared/platform/config/lambda-startup.ts';
import { createMailEventsHandler } from './mail-events.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { SETTINGS } from './settings.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';

const env = readSettings(SETTINGS);

const log = createLogger({ service: 'mail-events' });

export const handler = withLambdaContext(
  log,
  createMailEventsHandler({
    table: openTable(env.tableName, {}, env.callBudget),
    now: () => new Date(),
    log,
  }),
);
