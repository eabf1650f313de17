import { BUSINESS_TIME_ZONE, LINKING_SETTINGS, LINK_VALIDITY_DAYS, MAILING_SETTINGS } from '../../shared/platform/config/common-settings.ts';

/** What the sender function reads from its environment; the stack sets each of these. */
export const SETTINGS = {
  ...MAILING_SETTINGS,
  ...LINKING_SETTINGS,
  linkValidityDays: LINK_VALIDITY_DAYS,
  timeZone: BUSINESS_TIME_ZONE,
};
