import { positiveInt, setting } from '../platform/config/settings.ts';

/** Raw responses expire (DynamoDB TTL) this many days after the last answer. */
export const RESPONSE_RETENTION_DAYS = setting('RESPONSE_RETENTION_DAYS', positiveInt);
