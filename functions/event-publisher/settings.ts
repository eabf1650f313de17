import { FUNCTION_SETTINGS } from '../../shared/platform/config/common-settings.ts';

/** What the event publisher reads from its environment: the table (for a complaint's response). */
export const SETTINGS = { ...FUNCTION_SETTINGS };
