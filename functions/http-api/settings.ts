import { BUSINESS_NAME, FUNCTION_SETTINGS, LINK_SECRET_ARN, QUESTIONNAIRE_DIR } from '../../shared/platform/config/common-settings.ts';
import { COMPLAINT_HANDLING, COMPLAINT_QUEUE_URL, COMPLAINT_RULES } from '../../shared/complaints/complaint-settings.ts';
import { BRANDING, BRAND_DIR } from '../../shared/platform/brand/brand.ts';
import { RESPONSE_RETENTION_DAYS } from '../../shared/answering/answering-settings.ts';

/** What the http-api function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  ...FUNCTION_SETTINGS,
  businessName: BUSINESS_NAME,
  branding: BRANDING,
  brandDir: BRAND_DIR,
  questionnaireDir: QUESTIONNAIRE_DIR,
  linkSecretArn: LINK_SECRET_ARN,
  complaintRules: COMPLAINT_RULES,
  complaintHandling: COMPLAINT_HANDLING,
  complaintQueueUrl: COMPLAINT_QUEUE_URL,
  responseRetentionDays: RESPONSE_RETENTION_DAYS,
};
