import { BUSINESS_NAME, CALL_BUDGET, LINK_SECRET_ARN, LINK_VALIDITY_DAYS, PUBLIC_BASE_URL, QUESTIONNAIRE_DIR, SENDER_ADDRESS, SES_CONFIGURATION_SET, TABLE_NAME } from '../../shared/platform/config/common-settings.ts';
import { SES_SEND_RATE } from '../../shared/invitations/invitation-settings.ts';

/** What the sender function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  callBudget: CALL_BUDGET,
  tableName: TABLE_NAME,
  questionnaireDir: QUESTIONNAIRE_DIR,
  businessName: BUSINESS_NAME,
  senderAddress: SENDER_ADDRESS,
  publicBaseUrl: PUBLIC_BASE_URL,
  linkValidityDays: LINK_VALIDITY_DAYS,
  sesConfigurationSet: SES_CONFIGURATION_SET,
  linkSecretArn: LINK_SECRET_ARN,
  sesSendRate: SES_SEND_RATE,
};
