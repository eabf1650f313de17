import type { CredentialsProvider } from './credentials.ts';
import { nodeHttpTransport, NetworkError, type HttpResponse, type HttpTransport } from './http-transport.ts';
import { signRequest } from './sign-request.ts';

/**
 * How one AWS service takes JSON: the AWS JSON protocol (one URL, the operation in
 * `X-Amz-Target`) or REST-JSON (a path per operation).
 */
export interface AwsJsonService {
  /** The SigV4 signing name. */
  readonly name: string;
  /** The first label of the regional endpoint. @default name */
  readonly endpointPrefix?: string;
  /** AWS JSON protocol: prefix of the `X-Amz-Target` header, `<prefix>.<Operation>`. */
  readonly targetPrefix?: string;
  readonly jsonVersion?: '1.0' | '1.1';
  /** REST-JSON: the path each operation is POSTed to. */
  readonly restPaths?: Readonly<Record<string, string>>;
}

export const DYNAMODB: AwsJsonService = { name: 'dynamodb', targetPrefix: 'DynamoDB_20120810', jsonVersion: '1.0' };
export const SQS: AwsJsonService = { name: 'sqs', targetPrefix: 'AmazonSQS', jsonVersion: '1.0' };
export const SECRETS_MANAGER: AwsJsonService = { name: 'secretsmanager', targetPrefix: 'secretsmanager', jsonVersion: '1.1' };
/** SES API v2 (REST-JSON), whose SendEmail takes a raw MIME message. */
export const SES_V2: AwsJsonService = { name: 'ses', endpointPrefix: 'email', restPaths: { SendEmail: '/v2/email/outbound-emails' } };

export interface AwsJsonClientOptions {
  readonly service: AwsJsonService;
  readonly region: string;
  readonly credentials: CredentialsProvider;
  /** An emulator's URL; the service's regional endpoint when absent. */
  readonly endpoint?: string | undefined;
  /** Attempts per call, the first included. @default 3 (the AWS SDK's standard mode) */
  readonly maxAttempts?: number;
  /** Per attempt: how long the socket may stay idle. @default 5000 */
  readonly timeoutMs?: number;
  /** @default node:http(s) with keep-alive */
  readonly transport?: HttpTransport;
}

/** One attempt (counted from 1) at one operation: the input is still unsigned, so an interceptor may change it. */
export type Exchange = (operation: string, input: Record<string, unknown>, attempt: number) => Promise<HttpResponse>;
/** Wraps every attempt (inside the retry loop), as the AWS SDK's finalize-step middleware does. */
export type Interceptor = (next: Exchange) => Exchange;

export interface AwsJsonClient {
  call<T = Record<string, unknown>>(operation: string, input: Record<string, unknown>): Promise<T>;
  intercept(interceptor: Interceptor): void;
}

/**
 * An error answer from an AWS service. `name` is the service's error code
 * (`ConditionalCheckFailedException`, `ProvisionedThroughputExceededException`…), as the AWS
 * SDK names its errors, so callers can test for it the same way.
 */
export class AwsServiceError extends Error {
  constructor(
    code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }

  get retryable(): boolean {
    return this.throttling || this.status >= 500 || TRANSIENT_CODES.has(this.name);
  }

  get throttling(): boolean {
    return this.status === 429 || THROTTLING_CODES.has(this.name);
  }
}

// The codes the AWS SDK's standard retry mode treats as throttling or transient.
const THROTTLING_CODES = new Set([
  'ThrottlingException', 'Throttling', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded', 'BandwidthLimitExceeded',
  'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete', 'EC2ThrottledException',
]);
const TRANSIENT_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'InternalServerError', 'ServiceUnavailable']);
const CLOCK_SKEW_CODES = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'InvalidSignatureException', 'SignatureDoesNotMatch']);

// Backoff as in the SDK's standard mode: full jitter, exponential, throttling waits longer.
const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

/**
 * A small client for AWS's JSON APIs (DynamoDB, SQS, Secrets Manager, SES v2): signs with
 * SigV4, retries throttling, 5xx and network failures with jittered backoff, and turns error
 * answers into {@link AwsServiceError}. It replaces the AWS SDK on the request path, whose
 * size and start-up work doubled the answer function's cold start.
 */
export function createAwsJsonClient(options: AwsJsonClientOptions): AwsJsonClient {
  const { service, region } = options;
  const url = new URL(options.endpoint ?? `https://${service.endpointPrefix ?? service.name}.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}/`);
  const transport = options.transport ?? nodeHttpTransport;
  const maxAttempts = options.maxAttempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 5000;
  let clockOffsetMs = 0;

  let exchange: Exchange = async (operation, input) => {
    const body = JSON.stringify(input);
    const path = service.restPaths?.[operation];
    if (!path && !service.targetPrefix) throw new Error(`${service.name} has no operation ${operation} here`);
    const target = path ? new URL(path, url) : url;
    const headers: Record<string, string> = path
      ? { 'content-type': 'application/json' }
      : { 'content-type': `application/x-amz-json-${service.jsonVersion ?? '1.0'}`, 'x-amz-target': `${service.targetPrefix}.${operation}` };
    const signed = signRequest({ method: 'POST', url: target, headers, body }, await options.credentials(), { region, service: service.name }, new Date(Date.now() + clockOffsetMs));
    return transport({ url: target, method: 'POST', headers: signed, body, timeoutMs });
  };

  return {
    intercept(interceptor) {
      exchange = interceptor(exchange);
    },
    async call<T>(operation: string, input: Record<string, unknown>): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        let failure: AwsServiceError | NetworkError;
        try {
          const response = await exchange(operation, { ...input }, attempt);
          if (response.status >= 200 && response.status < 300) return (response.body ? JSON.parse(response.body) : {}) as T;
          failure = serviceError(service, response);
          const skew = clockSkewMs(failure, response);
          if (skew !== undefined) clockOffsetMs = skew;
          if (attempt >= maxAttempts || !(failure.retryable || skew !== undefined)) throw failure;
        } catch (error) {
          if (!(error instanceof NetworkError) || attempt >= maxAttempts) throw error;
          failure = error;
        }
        const base = failure instanceof AwsServiceError && failure.throttling ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
        const delayMs = Math.random() * Math.min(MAX_DELAY_MS, base * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    },
  };
}

function serviceError(service: AwsJsonService, response: HttpResponse): AwsServiceError {
  let parsed: { __type?: unknown; message?: unknown; Message?: unknown } = {};
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    // Not JSON (a proxy's error page, say): the status is all there is.
  }
  // `__type` is `namespace#Code` and the header `Code:detail`; the SDK reads the code from either.
  const raw = String(response.headers['x-amzn-errortype'] ?? parsed.__type ?? `HTTP${response.status}`);
  const code = raw.split(':')[0]!.split('#').pop()!;
  const message = typeof parsed.message === 'string' ? parsed.message : typeof parsed.Message === 'string' ? parsed.Message : `${service.name} answered HTTP ${response.status}`;
  return new AwsServiceError(code, message, response.status);
}

/** When a signature was refused for the time it carries, the offset from the server's clock; else undefined. */
function clockSkewMs(error: AwsServiceError, response: HttpResponse): number | undefined {
  const serverTime = Date.parse(response.headers['date'] ?? '');
  if (!CLOCK_SKEW_CODES.has(error.name) || Number.isNaN(serverTime)) return undefined;
  const offset = serverTime - Date.now();
  return Math.abs(offset) > 5 * 60_000 ? offset : undefined;
}
