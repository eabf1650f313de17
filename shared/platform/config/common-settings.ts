import * as z from '../validation/zod.ts';
import { CALL_BUDGETS, type CallBudget, type CallBudgetName } from '../aws-clients.ts';
import { positiveInt, positiveNumber, setting, text } from './settings.ts';
import { BRANDING } from '../brand/brand.ts';

/** The settings several features read: the table, the business, mail and links. */
export const TABLE_NAME = setting('TABLE_NAME', text);
/** Which of CALL_BUDGETS bounds the function's AWS calls; the function construct sets it beside the timeout. */
export const CALL_BUDGET = setting<CallBudget>(
  'CALL_BUDGET',
  z.pipe(z.enum(Object.keys(CALL_BUDGETS) as [CallBudgetName, ...CallBudgetName[]]), z.transform((name: CallBudgetName) => CALL_BUDGETS[name])),
);
/** Where the questionnaire definitions copied into the bundle are. */
export const QUESTIONNAIRE_DIR = setting('QUESTIONNAIRE_DIR', text);
export const BUSINESS_NAME = setting('BUSINESS_NAME', text);
export const BUSINESS_TIME_ZONE = setting('BUSINESS_TIME_ZONE', text);
export const SENDER_ADDRESS = setting('SENDER_ADDRESS', z.email());
export const SES_CONFIGURATION_SET = setting('SES_CONFIGURATION_SET', text);
/** This function's part of the stack's SES rate, per running instance (messages per second). */
export const MAIL_SENDS_PER_SECOND = setting('MAIL_SENDS_PER_SECOND', positiveNumber);
/** The base of every link in an email: the HTTP API's URL. */
export const PUBLIC_BASE_URL = setting('PUBLIC_BASE_URL', z.url());
export const LINK_SECRET_ARN = setting('LINK_SECRET_ARN', text);
export const LINK_VALIDITY_DAYS = setting('LINK_VALIDITY_DAYS', positiveInt);

/** What every function reads: how long its AWS calls may take, and the table. */
export const FUNCTION_SETTINGS = { callBudget: CALL_BUDGET, tableName: TABLE_NAME };

/** What every function that emails reads besides: the questionnaires, who mail is from and how it looks (its logo may be served by the API). */
export const MAILING_SETTINGS = {
  branding: BRANDING,
  publicBaseUrl: PUBLIC_BASE_URL,
  ...FUNCTION_SETTINGS,
  questionnaireDir: QUESTIONNAIRE_DIR,
  businessName: BUSINESS_NAME,
  senderAddress: SENDER_ADDRESS,
  sesConfigurationSet: SES_CONFIGURATION_SET,
  mailSendsPerSecond: MAIL_SENDS_PER_SECOND,
};

/** What a function whose emails carry signed links reads besides. */
export const LINKING_SETTINGS = { publicBaseUrl: PUBLIC_BASE_URL, linkSecretArn: LINK_SECRET_ARN };
