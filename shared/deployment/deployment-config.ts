import * as z from '../platform/validation/zod.ts';
import { isValidTimeZone } from '../platform/schedule/time-zone.ts';
import { ZScheduleExpression } from '../platform/schedule/schedule-expression.ts';
import { ZComplaintRules } from '../complaints/complaint-rules.ts';

const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
const ZClock = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time like 09:00'));

/** When the business counts time against its complaint deadlines, in its time zone. */
export const ZBusinessHours = z.strictObject({
  days: z._default(z.array(z.enum(WEEKDAYS)).check(z.minLength(1)), ['MON', 'TUE', 'WED', 'THU', 'FRI']),
  start: z._default(ZClock, '09:00'),
  end: z._default(ZClock, '17:00'),
  /** Dates (YYYY-MM-DD, local) on which no business hours count. */
  holidays: z._default(z.array(z.iso.date()), []),
}).check(z.refine((hours) => hours.start < hours.end, { message: 'start must be before end', path: ['end'] }));
export type TBusinessHours = z.output<typeof ZBusinessHours>;

const ZComplaintHandling = z.strictObject({
  /** Head of service: the second escalation level, for complaints past their deadline. */
  headOfServiceEmail: z.email(),
  /** Receives complaints whose department has no manager. @default headOfServiceEmail */
  fallbackManagerEmail: z.optional(z.email()),
  acknowledgeWithinBusinessHours: z._default(z.number().check(z.minimum(0.25), z.maximum(200)), 4),
  resolveWithinBusinessDays: z._default(z.number().check(z.minimum(0.5), z.maximum(60)), 2),
  /** Email the customer, naming who handles it, when a manager acknowledges. Never for anonymous responses. */
  notifyCustomerOnAcknowledge: z._default(z.boolean(), true),
});

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
  schedules: z._default(z.strictObject({
    /** When invitation waves are planned and sent. */
    planWave: z._default(ZScheduleExpression, DEFAULT_SCHEDULES.planWave),
    /** When reminders go to those who have not answered. */
    sendReminders: z._default(ZScheduleExpression, DEFAULT_SCHEDULES.sendReminders),
    /** How often overdue complaints are looked for and escalated. */
    sweepComplaints: z._default(ZScheduleExpression, DEFAULT_SCHEDULES.sweepComplaints),
    /** When managers get the digest of the last whole week. */
    sendDigests: z._default(ZScheduleExpression, DEFAULT_SCHEDULES.sendDigests),
    /** When each staff member gets their own monthly figures. */
    sendStaffDigests: z._default(ZScheduleExpression, DEFAULT_SCHEDULES.sendStaffDigests),
  }), DEFAULT_SCHEDULES),
  planning: z._default(z.strictObject({
    recurringPeriodDays: z._default(z.int().check(z.minimum(1), z.maximum(3650)), 90),
    frequencyCapDays: z._default(z.int().check(z.minimum(0), z.maximum(3650)), 30),
    /** An interaction makes a contact due this many days after it. */
    interactionDelayDays: z._default(z.int().check(z.minimum(0), z.maximum(365)), 1),
  }), { recurringPeriodDays: 90, frequencyCapDays: 30, interactionDelayDays: 1 }),
  reminders: z._default(z.strictObject({
    enabled: z._default(z.boolean(), true),
    /** One reminder this many days after the invitation, to those who have not answered. */
    afterDays: z._default(z.int().check(z.minimum(1), z.maximum(60)), 5),
  }), { enabled: true, afterDays: 5 }),
  /** When a response becomes a complaint, besides the customer asking to be contacted. */
  complaints: z._default(ZComplaintRules, { npsAtMost: 3, csatAtMost: 1 }),
  complaintHandling: ZComplaintHandling,
  businessHours: z._default(ZBusinessHours, { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: [] }),
  privacy: z._default(z.strictObject({
    /** Raw responses are deleted (DynamoDB TTL) this many days after the last answer; rollups stay. */
    responseRetentionDays: z._default(z.int().check(z.minimum(30), z.maximum(3650)), 730),
  }), { responseRetentionDays: 730 }),
  /** How long a signed link in an email stays valid. */
  linkValidityDays: z._default(z.int().check(z.minimum(1), z.maximum(365)), 30),
  /** Where operational alarms are emailed; no subscription when absent. */
  alarmEmail: z.optional(z.email()),
  logRetentionDays: z._default(z.union([z.literal(7), z.literal(14), z.literal(30), z.literal(60), z.literal(90), z.literal(180), z.literal(365)]), 90),
});

export type TDeploymentConfig = z.output<typeof ZDeploymentConfig>;
