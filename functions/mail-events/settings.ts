import { CALL_BUDGET, TABLE_NAME } from '../../shared/platform/config/common-settings.ts';

/** What the mail-events function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  callBudget: CALL_BUDGET,
  tableName: TABLE_NAME,
};
