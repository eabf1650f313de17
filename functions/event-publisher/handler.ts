import '../../shared/platform/config/lambda-startup.ts';
import { readSettings } from '../../shared/platform/config/settings.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { createLogger, withLambdaContext } from '../../shared/platform/observability/logger.ts';
import { storedChangeLookups } from '../../shared/integrations/change-lookups.ts';
import { createEventPublisher } from './event-publisher.ts';
import { SETTINGS } from './settings.ts';

const env = readSettings(SETTINGS);
const log = createLogger({ service: 'event-publisher' });
const table = openTable(env.tableName, {}, env.callBudget);

export const handler = withLambdaContext(log, createEventPublisher({ lookups: storedChangeLookups(table), log }));
