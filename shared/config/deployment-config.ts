import * as z from 'zod';
import { isValidTimeZone } from '../schedule/time-zone.ts';
import { ZScheduleExpression } from '../schedule/schedule-expression.ts';
import { ZComplaintRules } from '../questionnaire/complaint-rules.ts';

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 09:00');

/** When the business counts time against its complaint deadlines, in its time zone. */
export const ZBusinessHours = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).default(['MON', 'TUE', 'WED', 'THU', 'FRI']),
    start: ZClock.default('09:00'),
    end: ZClock.default('17:00'),
    /** Dates (YYYY-MM-DD, local) on which no business hours count. */
    holidays: z.array(z.iso.date()).default([]),
  })
  .strict()
  .refine((hours) => hours.start < hours.end, { message: 'start must be before end', path: ['end'] });
export type TBusinessHours = z.output<typeof ZBusinessHours>;

const ZComplaintHandling = z
  .object({
    /** Head of service: the second escalation level, for complaints past their deadline. */
    headOfServiceEmail: z.email(),
    /** Receives complaints whose department has no manager. @default headOfServiceEmail */
    fallbackManagerEmail: z.email().optional(),
    acknowledgeWithinBusinessHours: z.number().min(0.25).max(200).default(4),
    resolveWithinBusinessDays: z.number().min(0.5).max(60).default(2),
    /** Email the customer, naming who handles it, when a manager acknowledges. Never for anonymous responses. */
    notifyCustomerOnAcknowledge: z.boolean().default(true),
  })
  .strict();

const DEFAULT_SCHEDULES = {
  planWave: 'cron(0 9 ? * MON *)',
  sendReminders: 'cron(0 10 * * ? *)',
  sweepComplaints: 'rate(15 minutes)',
  sendDigests: 'cron(0 7 ? * MON *)',
  sendStaffDigests: 'cron(0 8 1 * ? *)',
};

/**
 * The settings a business chooses when it deploys: who mail comes from, its time zone,
 * when jobs run and how fast SES may send. `cdk deploy` and `npm start` read the same file.
 */
export const ZDeploymentConfig = z
  .object({
    /** CloudFormation stack name; the CLI finds a deployed stack by it. */
    stackName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'must be a valid CloudFormation stack name'),
    businessName: z.string().min(1).max(100),
    /** A verified SES identity (address or domain) in the deployment's Region. */
    senderAddress: z.email(),
    /** IANA zone; every schedule and business-hours rule is read in it. */
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London'),
    /** Account-level SES maximum send rate; the sender keeps under it. */
    sesSendRatePerSecond: z.number().int().min(1).max(1000).default(14),
    schedules: z
      .object({
        /** When invitation waves are planned and sent. */
        planWave: ZScheduleExpression.default(DEFAULT_SCHEDULES.planWave),
        /** When reminders go to those who have not answered. */
        sendReminders: ZScheduleExpression.default(DEFAULT_SCHEDULES.sendReminders),
        /** How often overdue complaints are looked for and escalated. */
        sweepComplaints: ZScheduleExpression.default(DEFAULT_SCHEDULES.sweepComplaints),
        /** When managers get the digest of the last whole week. */
        sendDigests: ZScheduleExpression.default(DEFAULT_SCHEDULES.sendDigests),
        /** When each staff member gets their own monthly figures. */
        sendStaffDigests: ZScheduleExpression.default(DEFAULT_SCHEDULES.sendStaffDigests),
      })
      .strict()
      .default(DEFAULT_SCHEDULES),
    planning: z
      .object({
        recurringPeriodDays: z.number().int().min(1).max(3650).default(90),
        frequencyCapDays: z.number().int().min(0).max(3650).default(30),
        /** An interaction makes a contact due this many days after it. */
        interactionDelayDays: z.number().int().min(0).max(365).default(1),
      })
      .strict()
      .default({ recurringPeriodDays: 90, frequencyCapDays: 30, interactionDelayDays: 1 }),
    reminders: z
      .object({
        enabled: z.boolean().default(true),
        /** One reminder this many days after the invitation, to those who have not answered. */
        afterDays: z.number().int().min(1).max(60).default(5),
      })
      .strict()
      .default({ enabled: true, afterDays: 5 }),
    /** When a response becomes a complaint, besides the customer asking to be contacted. */
    complaints: ZComplaintRules.default({ npsAtMost: 3, csatAtMost: 1 }),
    complaintHandling: ZComplaintHandling,
    businessHours: ZBusinessHours.default({ days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: [] }),
    privacy: z
      .object({
        /** Raw responses are deleted (DynamoDB TTL) this many days after the last answer; rollups stay. */
        responseRetentionDays: z.number().int().min(30).max(3650).default(730),
      })
      .strict()
      .default({ responseRetentionDays: 730 }),
    /** How long a signed link in an email stays valid. */
    linkValidityDays: z.number().int().min(1).max(365).default(30),
    /** Where operational alarms are emailed; no subscription when absent. */
    alarmEmail: z.email().optional(),
    logRetentionDays: z
      .union([z.literal(7), z.literal(14), z.literal(30), z.literal(60), z.literal(90), z.literal(180), z.literal(365)])
      .default(90),
  })
  .strict();

export type TDeploymentConfig = z.output<typeof ZDeploymentConfig>;
