import { FUNCTION_SETTINGS } from '../../shared/platform/config/common-settings.ts';

/** What the mail-events function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  ...FUNCTION_SETTINGS,
};
