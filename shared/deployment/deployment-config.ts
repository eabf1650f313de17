import * as z from '../platform/validation/zod.ts';
import { isValidTimeZone } from '../platform/schedule/time-zone.ts';
import { ZScheduleExpression } from '../platform/schedule/schedule-expression.ts';
import { ZComplaintRules } from '../complaints/complaint-rules.ts';
import { ZBusinessHours } from '../complaints/business-calendar.ts';
import { ZComplaintHandlingConfig } from '../complaints/handling-config.ts';
import { DEFAULT_RESPONSE_RETENTION_DAYS } from '../answering/answering-settings.ts';
import { ZChatConfig, ZWebhooksConfig } from '../integrations/integration-config.ts';
import { AA_CONTRAST, contrastRatio, darkenedForContrast } from '../platform/brand/colour-contrast.ts';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * The brand colour fills buttons under white text and colours links on white, so it must keep
 * WCAG AA (4.5:1) against white. A colour that fails is refused, with the nearest darker shade
 * that passes, rather than silently changed: the business sees the colour its pages will use.
 */
const ZBrandColour = z.string().check(
  z.regex(HEX_COLOUR, 'must be a colour as #rrggbb, such as #0b5cad'),
  z.superRefine((colour, payload) => {
    if (!HEX_COLOUR.test(colour)) return;
    const ratio = contrastRatio(colour, '#ffffff');
    if (ratio < AA_CONTRAST) {
      payload.issues.push({
        code: 'custom',
        input: colour,
        message: `contrast against white is ${ratio.toFixed(2)}:1, below WCAG AA's ${AA_CONTRAST}:1 for white text on it and for links; a darker shade such as ${darkenedForContrast(colour)} passes`,
      });
    }
  }),
);

/** A logo shipped from config/ (a PNG, JPEG, GIF or WebP; not SVG, which can carry scripts and many mail clients do not show), or an https URL. */
const ZLogo = z.union(
  [
    z.string().check(z.regex(/^[\w-][\w.-]*\.(png|jpe?g|gif|webp)$/i, 'is a file name')),
    z.url({ protocol: /^https$/, error: 'is an https URL' }),
  ],
  { error: 'must be a PNG, JPEG, GIF or WebP file in config/ (such as "logo.png") or an https URL' },
);

/**
 * The settings a business chooses when it deploys: who mail comes from, its time zone,
 * when jobs run and how fast SES may send. `cdk deploy` and `npm start` read the same file.
 */
export const ZDeploymentConfig = z.strictObject({
  /** CloudFormation stack name; the CLI finds a deployed stack by it. */
  stackName: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a valid CloudFormation stack name')),
  businessName: z.string().check(z.minLength(1), z.maxLength(100)),
  /** A verified SES identity (address or domain) in the deployment's Region. */
  senderAddress: z.email(),
  /** IANA zone; every schedule and business-hours rule is read in it. */
  timeZone: z.string().check(z.refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London')),
  /** Account-level SES maximum send rate; the sender keeps under it. */
  sesSendRatePerSecond: z._default(z.int().check(z.minimum(1), z.maximum(1000)), 14),
  // Each default is given once, on its field; an absent section is parsed as {} (prefault), so they apply.
  schedules: z.prefault(z.strictObject({
    /** When invitation waves are planned and sent. */
    planWave: z._default(ZScheduleExpression, 'cron(0 9 ? * MON *)'),
    /** When reminders go to those who have not answered. */
    sendReminders: z._default(ZScheduleExpression, 'cron(0 10 * * ? *)'),
    /** How often overdue complaints are looked for and escalated. */
    sweepComplaints: z._default(ZScheduleExpression, 'rate(15 minutes)'),
    /** When managers get the digest of the last whole week. */
    sendDigests: z._default(ZScheduleExpression, 'cron(0 7 ? * MON *)'),
    /** When each staff member gets their own monthly figures. */
    sendStaffDigests: z._default(ZScheduleExpression, 'cron(0 8 1 * ? *)'),
  }), {}),
  planning: z.prefault(z.strictObject({
    recurringPeriodDays: z._default(z.int().check(z.minimum(1), z.maximum(3650)), 90),
    frequencyCapDays: z._default(z.int().check(z.minimum(0), z.maximum(3650)), 30),
    /** An interaction makes a contact due this many days after it. */
    interactionDelayDays: z._default(z.int().check(z.minimum(0), z.maximum(365)), 1),
  }), {}),
  reminders: z.prefault(z.strictObject({
    enabled: z._default(z.boolean(), true),
    /** One reminder this many days after the invitation, to those who have not answered. */
    afterDays: z._default(z.int().check(z.minimum(1), z.maximum(60)), 5),
  }), {}),
  /** When a response becomes a complaint, besides the customer asking to be contacted. */
  complaints: z.prefault(ZComplaintRules, {}),
  complaintHandling: ZComplaintHandlingConfig,
  businessHours: z.prefault(ZBusinessHours, {}),
  privacy: z.prefault(z.strictObject({
    /** Raw responses are deleted (DynamoDB TTL) this many days after the last answer; rollups stay. */
    responseRetentionDays: z._default(z.int().check(z.minimum(30), z.maximum(3650)), DEFAULT_RESPONSE_RETENTION_DAYS),
  }), {}),
  /** How long a signed link in an email stays valid. */
  linkValidityDays: z._default(z.int().check(z.minimum(1), z.maximum(365)), 30),
  /** Where operational alarms are emailed; no subscription when absent. */
  alarmEmail: z.optional(z.email()),
  /** Regions to deploy to beyond those the stack knows have every service it needs (infra/supported-regions.ts). */
  additionalRegions: z._default(z.array(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a Region code such as eu-west-2'))), []),
  /** Tags for every resource of the stack, beside `Application` and `FeedbackStack`. */
  tags: z._default(z.record(z.string().check(z.regex(/^[\w.:/=+@ -]{1,128}$/, 'must be a valid tag key')), z.string().check(z.maxLength(256))), {}),
  /**
   * The API's own hostname for the links in every email, so replacing the API never breaks
   * them and mail shows the business's domain. Either a certificate (ACM, in the stack's
   * Region) you have, or a Route 53 hosted zone the stack creates the certificate and record in.
   */
  customDomain: z.optional(
    z.union([
      z.strictObject({ domainName: z.string().check(z.regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a lower-case host name')), certificateArn: z.string().check(z.regex(/^arn:aws[a-z-]*:acm:/, 'must be an ACM certificate ARN')) }),
      z.strictObject({ domainName: z.string().check(z.regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a lower-case host name')), hostedZoneId: z.string().check(z.regex(/^Z[A-Z0-9]{1,32}$/, 'must be a Route 53 hosted zone id')), hostedZoneName: z.string().check(z.minLength(3)) }),
    ]),
  ),
  /** How pages and emails look to customers: the logo, the accent colour, and where customers' replies go. */
  branding: z.prefault(z.strictObject({
    logo: z.optional(ZLogo),
    colour: z.optional(ZBrandColour),
    /** The Reply-To of customer emails (invitations, reminders, the acknowledgement of a complaint). */
    replyTo: z.optional(z.email()),
  }), {}),
  /** Signed webhooks of domain events (shared/integrations/integration-config.ts). */
  webhooks: ZWebhooksConfig,
  /** Slack and Teams channels for complaints and the weekly headline. */
  chat: ZChatConfig,
  logRetentionDays: z._default(z.union([z.literal(7), z.literal(14), z.literal(30), z.literal(60), z.literal(90), z.literal(180), z.literal(365)]), 90),
});

export type TDeploymentConfig = z.output<typeof ZDeploymentConfig>;
