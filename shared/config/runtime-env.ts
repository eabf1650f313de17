import * as z from '../validation/zod.ts';
import { parseOrThrow } from './zod-issues.ts';
import { ZComplaintRules } from '../questionnaire/complaint-rules.ts';
import { ZComplaintHandlingEnv } from '../complaints/handling-config.ts';
import { CALL_BUDGETS, type CallBudgetName } from '../platform/aws-clients.ts';

/**
 * Every environment variable the product's functions read, named once. The CDK stack sets
 * them with these names (next to the grant that makes them usable) and the local stack sets
 * the same ones.
 */
export const ENV = {
  tableName: 'TABLE_NAME',
  sendQueueUrl: 'SEND_QUEUE_URL',
  senderAddress: 'SENDER_ADDRESS',
  businessName: 'BUSINESS_NAME',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  sesSendRate: 'SES_SEND_RATE',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  linkSecretArn: 'LINK_SECRET_ARN',
  linkValidityDays: 'LINK_VALIDITY_DAYS',
  timeZone: 'BUSINESS_TIME_ZONE',
  recurringPeriodDays: 'RECURRING_PERIOD_DAYS',
  frequencyCapDays: 'FREQUENCY_CAP_DAYS',
  interactionDelayDays: 'INTERACTION_DELAY_DAYS',
  reminderAfterDays: 'REMINDER_AFTER_DAYS',
  questionnaireDir: 'QUESTIONNAIRE_DIR',
  complaintRules: 'COMPLAINT_RULES',
  responseRetentionDays: 'RESPONSE_RETENTION_DAYS',
  complaintHandling: 'COMPLAINT_HANDLING',
  complaintQueueUrl: 'COMPLAINT_QUEUE_URL',
  /** Which of CALL_BUDGETS bounds the function's AWS calls: set by the stack with its timeout. */
  callBudget: 'CALL_BUDGET',
  /** Local stack only: the secret itself instead of a Secrets Manager ARN. */
  linkSecret: 'LINK_SECRET',
  /** Local stack only: emulator endpoints. */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  sesEndpoint: 'SES_ENDPOINT',
} as const;

type EnvKey = keyof typeof ENV;
const text = z.string().check(z.minLength(1));
const positiveInt = z.pipe(z.coerce.number(), z.int().check(z.positive()));
const json = z.pipe(
  z.string(),
  z.transform((value: string, payload) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      payload.issues.push({ code: 'custom', message: 'must be JSON', input: value });
      return z.NEVER;
    }
  }),
);

const SCHEMAS = {
  tableName: text,
  sendQueueUrl: z.url(),
  senderAddress: z.email(),
  businessName: text,
  sesConfigurationSet: text,
  sesSendRate: positiveInt,
  publicBaseUrl: z.url(),
  linkSecretArn: text,
  linkValidityDays: positiveInt,
  timeZone: text,
  recurringPeriodDays: positiveInt,
  frequencyCapDays: z.pipe(z.coerce.number(), z.int()).check(z.minimum(0)),
  interactionDelayDays: z.pipe(z.coerce.number(), z.int()).check(z.minimum(0)),
  reminderAfterDays: positiveInt,
  questionnaireDir: text,
  complaintRules: z.pipe(json, ZComplaintRules),
  responseRetentionDays: positiveInt,
  complaintHandling: z.pipe(json, ZComplaintHandlingEnv),
  complaintQueueUrl: z.url(),
  callBudget: z.pipe(z.enum(Object.keys(CALL_BUDGETS) as [CallBudgetName, ...CallBudgetName[]]), z.transform((name: CallBudgetName) => CALL_BUDGETS[name])),
  linkSecret: z.string().check(z.minLength(32, 'must be at least 32 characters')),
  dynamodbEndpoint: z.url(),
  sesEndpoint: z.url(),
} satisfies Record<EnvKey, z.ZodMiniType>;

type EnvValues = { [K in EnvKey]: z.output<(typeof SCHEMAS)[K]> };

/**
 * Reads the named variables once, failing fast with the names of those missing or
 * malformed. Optional ones come back undefined when absent.
 */
export function readEnv<R extends EnvKey, O extends EnvKey = never>(
  required: readonly R[],
  optional: readonly O[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Pick<EnvValues, R> & Partial<Pick<EnvValues, O>> {
  const shape: Record<string, z.ZodMiniType> = {};
  const values: Record<string, unknown> = {};
  for (const key of required) {
    shape[ENV[key]] = SCHEMAS[key];
    values[ENV[key]] = env[ENV[key]];
  }
  for (const key of optional) {
    shape[ENV[key]] = z.optional(SCHEMAS[key]);
    values[ENV[key]] = env[ENV[key]] === '' ? undefined : env[ENV[key]];
  }
  const parsed = parseOrThrow(z.object(shape), values, 'environment') as Record<string, unknown>;
  return Object.fromEntries([...required, ...optional].map((key) => [key, parsed[ENV[key]]])) as Pick<EnvValues, R> &
    Partial<Pick<EnvValues, O>>;
}
