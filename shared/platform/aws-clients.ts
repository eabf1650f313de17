import { fromEnv } from '@aws-sdk/credential-provider-env';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

type Credentials = NonNullable<DynamoDBClientConfig['credentials']>;

/** Where an AWS SDK client sends its calls. Nothing set: the real service, from inside Lambda. */
export interface AwsConnection {
  /**
   * An emulator's URL (DynamoDB Local, the SES emulator), with placeholder Region and
   * credentials. Absent in AWS, where the SDK's own `AWS_ENDPOINT_URL_<SERVICE>`,
   * `AWS_USE_FIPS_ENDPOINT` and `AWS_USE_DUALSTACK_ENDPOINT` still apply.
   */
  readonly endpoint?: string | undefined;
  /** @default `AWS_REGION`, the Region Lambda runs the function in */
  readonly region?: string;
  /** @default the execution role's credentials, which Lambda puts in the environment */
  readonly credentials?: Credentials;
}

/**
 * How long one AWS call may take, and how often the SDK may try it. The worst case of a call
 * is `maxAttempts × (connectionTimeoutMs + requestTimeoutMs)` plus the SDK's backoff between
 * attempts (see {@link worstCaseMs}); each function's budget keeps that well inside its Lambda
 * timeout, and the infrastructure test checks it against the synthesised timeouts.
 */
export interface CallBudget {
  readonly maxAttempts: number;
  /** Per attempt: until the TCP (and TLS) connection is up. */
  readonly connectionTimeoutMs: number;
  /** Per attempt: from sending the request to the whole answer (not an idle timer). */
  readonly requestTimeoutMs: number;
}

/**
 * The budgets, by the kind of work a function does.
 *
 * - `interactive`: the answer function (10 s Lambda timeout, behind API Gateway, whose
 *   client is a person waiting). A DynamoDB call answers in milliseconds; 1.5 s without an
 *   answer means trouble, and one retry is all a person should wait for. Worst case per call:
 *   2 × (0.5 + 1.5) s + a 1 s pause = 5 s. A request makes a handful of calls in a row, but
 *   the first that fails for good ends it (a 500 page), so the slowest failing request is one
 *   call's worst case plus the milliseconds of those before it.
 * - `queue`: SQS consumers (sender, complaints, mail events: 60 s). Throttling deserves a few
 *   patient tries: 4 × (1 + 3) s + 7 s of pauses = 23 s.
 * - `batch`: scheduled jobs (planner, digest: 15 min) that write thousands of items and
 *   should ride out throttling rather than fail a whole run: 6 × (1 + 5) s + 31 s = 67 s.
 * - `admin`: the CLI and the local stack, where a person watches a terminal: 3 × (2 + 10) s
 *   + 3 s = 39 s.
 */
export const CALL_BUDGETS = {
  interactive: { maxAttempts: 2, connectionTimeoutMs: 500, requestTimeoutMs: 1_500 },
  queue: { maxAttempts: 4, connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000 },
  batch: { maxAttempts: 6, connectionTimeoutMs: 1_000, requestTimeoutMs: 5_000 },
  admin: { maxAttempts: 3, connectionTimeoutMs: 2_000, requestTimeoutMs: 10_000 },
} as const satisfies Record<string, CallBudget>;

export type CallBudgetName = keyof typeof CALL_BUDGETS;

// The standard retry mode's backoff: full jitter, capped at 20 s per pause; throttling starts
// from a longer base than other errors. Taken at its cap, as a worst case must be.
const MAX_BACKOFF_MS = 20_000;
const THROTTLING_BASE_MS = 1_000;

/** The longest one call can take under `budget`, pauses between attempts included. */
export function worstCaseMs(budget: CallBudget): number {
  let backoff = 0;
  for (let retry = 1; retry < budget.maxAttempts; retry++) backoff += Math.min(MAX_BACKOFF_MS, THROTTLING_BASE_MS * 2 ** (retry - 1));
  return budget.maxAttempts * (budget.connectionTimeoutMs + budget.requestTimeoutMs) + backoff;
}

// Emulators ignore signatures but still want well-formed ones.
const EMULATOR = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } as const;

/**
 * The configuration every SDK client of the product is built with: the one place that
 * chooses emulator or AWS, credentials and Region, and the timeouts and retries of `budget`.
 * Everything is explicit, so a client in Lambda reads no profile or config file to start.
 */
export function awsClientConfig(connection: AwsConnection, budget: CallBudget) {
  const target = connection.endpoint
    ? { ...EMULATOR, endpoint: connection.endpoint }
    : { region: connection.region ?? regionFromEnvironment(), credentials: connection.credentials ?? fromEnv() };
  return {
    ...target,
    maxAttempts: budget.maxAttempts,
    retryMode: 'standard' as const,
    // Named in every request's User-Agent, so CloudTrail tells the product's calls apart.
    userAgentAppId: 'feedback-pipeline',
    // Settings the SDK would otherwise look up in the environment and then in ~/.aws/config;
    // FIPS, dual-stack and AWS_ENDPOINT_URL_* are left to it, so its own variables still work.
    defaultsMode: 'standard' as const,
    authSchemePreference: [] as string[],
    requestHandler: new NodeHttpHandler({
      connectionTimeout: budget.connectionTimeoutMs,
      requestTimeout: budget.requestTimeoutMs,
      // Without this the SDK only logs a request that overruns its requestTimeout.
      throwOnRequestTimeout: true,
    }),
  };
}

function regionFromEnvironment(): string {
  const region = process.env['AWS_REGION'] || process.env['AWS_DEFAULT_REGION'];
  if (!region) throw new Error('AWS_REGION must be set to call AWS');
  return region;
}
