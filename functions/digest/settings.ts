import { LINKING_SETTINGS, MAILING_SETTINGS } from '../../shared/platform/config/common-settings.ts';
import { COMPLAINT_HANDLING } from '../../shared/complaints/complaint-settings.ts';

/** What the digest function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  ...MAILING_SETTINGS,
  ...LINKING_SETTINGS,
  complaintHandling: COMPLAINT_HANDLING,
};
