import { BUSINESS_NAME, CALL_BUDGET, QUESTIONNAIRE_DIR, SENDER_ADDRESS, SES_CONFIGURATION_SET, TABLE_NAME } from '../../shared/platform/config/common-settings.ts';
import { COMPLAINT_HANDLING } from '../../shared/complaints/complaint-settings.ts';

/** What the digest function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  callBudget: CALL_BUDGET,
  tableName: TABLE_NAME,
  questionnaireDir: QUESTIONNAIRE_DIR,
  businessName: BUSINESS_NAME,
  senderAddress: SENDER_ADDRESS,
  sesConfigurationSet: SES_CONFIGURATION_SET,
  complaintHandling: COMPLAINT_HANDLING,
};
