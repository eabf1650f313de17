import { Duration } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import type { Setting } from '../shared/platform/config/settings.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';
import { BUSINESS_NAME, BUSINESS_TIME_ZONE, LINK_VALIDITY_DAYS, MAIL_SENDS_PER_SECOND } from '../shared/platform/config/common-settings.ts';
import { sendsPerSecondPerInstance } from '../shared/deployment/mail-shares.ts';
import { COMPLAINT_HANDLING, COMPLAINT_RULES } from '../shared/complaints/complaint-settings.ts';
import { FREQUENCY_CAP_DAYS, INTERACTION_DELAY_DAYS, RECURRING_PERIOD_DAYS, REMINDER_AFTER_DAYS } from '../shared/invitations/invitation-settings.ts';
import { RESPONSE_RETENTION_DAYS } from '../shared/answering/answering-settings.ts';
import { BRANDING } from '../shared/platform/brand/brand.ts';
import { brandSettingFrom } from '../shared/deployment/branding-setting.ts';
import { SETTINGS as HTTP_API_SETTINGS } from '../functions/http-api/settings.ts';
import { SETTINGS as PLANNER_SETTINGS } from '../functions/planner/settings.ts';
import { SETTINGS as SENDER_SETTINGS } from '../functions/sender/settings.ts';
import { SETTINGS as COMPLAINTS_SETTINGS } from '../functions/complaints/settings.ts';
import { SETTINGS as DIGEST_SETTINGS } from '../functions/digest/settings.ts';
import { SETTINGS as MAIL_EVENTS_SETTINGS } from '../functions/mail-events/settings.ts';
import { ProductFunction, type ProductFunctionProps } from './constructs/product-function.ts';

type FunctionDefinition = Omit<ProductFunctionProps, 'folder' | 'logRetention' | 'questionnaireDir' | 'brandLogoFile'>;

/** The product's functions, by their folder under `functions/`. */
const FUNCTIONS = {
  'http-api': {
    settings: HTTP_API_SETTINGS,
    callBudget: 'interactive',
    description: 'Serves questionnaire pages, answers, unsubscribes and the dashboard',
    bundleQuestionnaires: true,
    bundleBrandLogo: true,
    timeout: Duration.seconds(10),
    // Chosen by measurement (`npm run bench`, CPU held to each size's share of a core): at 256 MB
    // a first request took 736 ms and a warm one 67 ms; at 512 MB 458 and 34 ms, for about 12 %
    // more compute cost per answer ($0.29 against $0.26 per million); 1,024 MB gained less again.
    memorySize: 512,
  },
  planner: {
    settings: PLANNER_SETTINGS,
    callBudget: 'batch',
    description: 'Plans a questionnaire wave and queues the invitations',
    bundleQuestionnaires: true,
    timeout: Duration.minutes(15),
    memorySize: 512,
  },
  sender: {
    settings: SENDER_SETTINGS,
    callBudget: 'queue',
    description: 'Sends queued invitations through SES within the send rate',
    bundleQuestionnaires: true,
    timeout: Duration.minutes(1),
  },
  complaints: {
    settings: COMPLAINTS_SETTINGS,
    callBudget: 'queue',
    description: 'Escalates complaints to managers and sweeps for overdue ones',
    bundleQuestionnaires: true,
    timeout: Duration.minutes(1),
  },
  digest: {
    settings: DIGEST_SETTINGS,
    callBudget: 'batch',
    description: 'Aggregates a period into rollups and emails the managers their digest',
    bundleQuestionnaires: true,
    // One pass over a period's responses: 1M responses fit well inside 15 minutes and 1 GB.
    timeout: Duration.minutes(15),
    memorySize: 1024,
  },
  'mail-events': {
    settings: MAIL_EVENTS_SETTINGS,
    callBudget: 'queue',
    description: 'Adds bounced and complaining addresses to the suppression list',
    timeout: Duration.minutes(1),
  },
} satisfies Record<string, FunctionDefinition>;

export type FunctionFolder = keyof typeof FUNCTIONS;
export type FeedbackFunctions = Readonly<Record<FunctionFolder, ProductFunction>>;

/** Creates every product function; `mail-events` gets the construct id `MailEventsFunction`. */
export function createFunctions(scope: Construct, common: Pick<ProductFunctionProps, 'logRetention' | 'questionnaireDir' | 'brandLogoFile'>): FeedbackFunctions {
  const idOf = (folder: string) => `${folder.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join('')}Function`;
  const entries = Object.entries(FUNCTIONS).map(([folder, definition]) => [folder, new ProductFunction(scope, idOf(folder), { ...common, ...definition, folder })]);
  return Object.fromEntries(entries) as Record<FunctionFolder, ProductFunction>;
}

/** Sets each value from the deployment config on the functions that read it. */
export function setConfigSettings(functions: FeedbackFunctions, config: TDeploymentConfig): void {
  const { 'http-api': httpApi, planner, sender, complaints, digest } = functions;
  const values: [Setting, string, ProductFunction[]][] = [
    [BUSINESS_NAME, config.businessName, [httpApi, sender, complaints, digest]],
    [BRANDING, JSON.stringify(brandSettingFrom(config.branding).setting), [httpApi, sender, complaints, digest]],
    [COMPLAINT_RULES, JSON.stringify(config.complaints), [httpApi]],
    [RESPONSE_RETENTION_DAYS, String(config.privacy.responseRetentionDays), [httpApi]],
    [COMPLAINT_HANDLING, JSON.stringify(complaintHandlingFrom(config)), [digest, httpApi, complaints]],
    [BUSINESS_TIME_ZONE, config.timeZone, [planner, sender]],
    [RECURRING_PERIOD_DAYS, String(config.planning.recurringPeriodDays), [planner]],
    [FREQUENCY_CAP_DAYS, String(config.planning.frequencyCapDays), [planner]],
    [INTERACTION_DELAY_DAYS, String(config.planning.interactionDelayDays), [planner]],
    [REMINDER_AFTER_DAYS, String(config.reminders.afterDays), [planner]],
    [LINK_VALIDITY_DAYS, String(config.linkValidityDays), [planner, sender]],
    [MAIL_SENDS_PER_SECOND, String(sendsPerSecondPerInstance(config.sesSendRatePerSecond, 'invitations')), [sender]],
    [MAIL_SENDS_PER_SECOND, String(sendsPerSecondPerInstance(config.sesSendRatePerSecond, 'complaints')), [complaints]],
    [MAIL_SENDS_PER_SECOND, String(sendsPerSecondPerInstance(config.sesSendRatePerSecond, 'digests')), [digest]],
  ];
  for (const [setting, value, readers] of values) for (const fn of readers) fn.setEnv(setting, value);
}
