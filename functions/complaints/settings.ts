import { BUSINESS_NAME, CALL_BUDGET, LINK_SECRET_ARN, PUBLIC_BASE_URL, QUESTIONNAIRE_DIR, SENDER_ADDRESS, SES_CONFIGURATION_SET, TABLE_NAME } from '../../shared/platform/config/common-settings.ts';
import { COMPLAINT_HANDLING, COMPLAINT_QUEUE_URL } from '../../shared/complaints/complaint-settings.ts';

/** What the complaints function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  callBudget: CALL_BUDGET,
  tableName: TABLE_NAME,
  questionnaireDir: QUESTIONNAIRE_DIR,
  businessName: BUSINESS_NAME,
  senderAddress: SENDER_ADDRESS,
  publicBaseUrl: PUBLIC_BASE_URL,
  sesConfigurationSet: SES_CONFIGURATION_SET,
  linkSecretArn: LINK_SECRET_ARN,
  complaintHandling: COMPLAINT_HANDLING,
  complaintQueueUrl: COMPLAINT_QUEUE_URL,
};
