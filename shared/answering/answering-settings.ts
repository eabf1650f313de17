import { positiveInt, setting } from '../platform/config/settings.ts';

/** How long raw responses are kept by default (the deployment config's `privacy.responseRetentionDays`). */
export const DEFAULT_RESPONSE_RETENTION_DAYS = 730;

/** Raw responses expire (DynamoDB TTL) this many days after the last answer. */
export const RESPONSE_RETENTION_DAYS = setting('RESPONSE_RETENTION_DAYS', positiveInt);
