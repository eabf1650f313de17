import { BUSINESS_NAME, FUNCTION_SETTINGS, LINKING_SETTINGS, QUESTIONNAIRE_DIR } from '../../shared/platform/config/common-settings.ts';
import { DELIVERY_QUEUE_URL, DESTINATIONS } from '../../shared/integrations/integration-settings.ts';

/** What the webhook deliverer reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  ...FUNCTION_SETTINGS,
  ...LINKING_SETTINGS,
  businessName: BUSINESS_NAME,
  questionnaireDir: QUESTIONNAIRE_DIR,
  destinations: DESTINATIONS,
  deliveryQueueUrl: DELIVERY_QUEUE_URL,
};
