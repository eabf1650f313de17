import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LAMBDA_BUNDLING } from '../infra/constructs/lambda-bundling.ts';
import { newLinkId, signLink } from '../shared/platform/tokens/link-token.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const OUT = join(ROOT, 'test/.tmp/bench-bundles');
const run = promisify(execFile);

const LINK_SECRET = 'bench-link-secret-of-at-least-32-characters';

/** Dummy values for every variable a handler reads at import: enough to load, none used to call out. */
export const ENVIRONMENT = {
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  CALL_BUDGET: 'interactive',
  TABLE_NAME: 'bench',
  BUSINESS_NAME: 'Bench',
  QUESTIONNAIRE_DIR: join(ROOT, 'config/questionnaires'),
  BRANDING: JSON.stringify({ colour: '#0b5cad', logo: { file: 'logo.png' } }),
  BRAND_DIR: join(ROOT, 'config'),
  COMPLAINT_RULES: JSON.stringify({ npsAtMost: 3, csatAtMost: 1 }),
  COMPLAINT_HANDLING: JSON.stringify({ calendar: { timeZone: 'UTC', days: ['MON'], start: '09:00', end: '17:00', holidays: [] }, acknowledgeWithinBusinessHours: 4, resolveWithinBusinessDays: 2, headOfServiceEmail: 'h@x.example', fallbackManagerEmail: 'h@x.example', notifyCustomerOnAcknowledge: true }),
  COMPLAINT_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111122223333/c',
  SEND_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111122223333/s',
  RESPONSE_RETENTION_DAYS: '730',
  BUSINESS_TIME_ZONE: 'UTC',
  RECURRING_PERIOD_DAYS: '90',
  FREQUENCY_CAP_DAYS: '30',
  INTERACTION_DELAY_DAYS: '1',
  REMINDER_AFTER_DAYS: '5',
  LINK_VALIDITY_DAYS: '30',
  SENDER_ADDRESS: 'feedback@x.example',
  PUBLIC_BASE_URL: 'https://api.x.example',
  SES_CONFIGURATION_SET: 'bench',
  MAIL_SENDS_PER_SECOND: '5.6',
  DESTINATIONS: '[]',
  DELIVERY_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111122223333/d',
  LINK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:link-secret',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  NODE_OPTIONS: '',
};

/**
 * Imports a bundle in a fresh process and prints the import time; any socket opened during
 * import is counted. `node:http` is loaded first because Lambda's Node.js runtime has loaded
 * it (to talk to the Runtime API) before it imports a handler. With an event, the handler is
 * then invoked once: the first request's time includes building, signing and sending its first
 * AWS calls — the link secret from Secrets Manager, then DynamoDB — to a stub named by the
 * SDK's own `AWS_ENDPOINT_URL_<SERVICE>` variables.
 */
const PROBE = `
import 'node:http';
import net from 'node:net';
let connections = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { connections++; return connect.apply(this, args); };
const t = performance.now();
const { handler } = await import(process.argv[1]);
const ms = performance.now() - t;
const atImport = connections;
let firstRequestMs, status;
if (process.env.BENCH_EVENT) {
  const response = await handler(JSON.parse(process.env.BENCH_EVENT), {});
  firstRequestMs = performance.now() - t;
  status = response.statusCode;
}
console.log(JSON.stringify({ ms, connections: atImport, firstRequestMs, status }));
`;

/**
 * The three builds compared, of the same handler code. `product` is what the stack deploys:
 * the SDK bundled and trimmed (LAMBDA_BUNDLING's alias and externals). `sdkBundled` is the SDK
 * bundled without that tuning, `sdkExternal` NodejsFunction's default (`@aws-sdk/*` left out,
 * loaded from node_modules at start, as from the Lambda runtime's copy).
 */
export const VARIANTS = ['product', 'sdkBundled', 'sdkExternal'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface ColdStart {
  fn: string;
  /** Minified JavaScript, without the source map (which Node does not load). */
  kb: Record<Variant, number>;
  /** Median import time of fresh processes. */
  importMs: Record<Variant, number>;
  /** The answer function only: median time to import and answer a first one-click request. */
  firstRequestMs?: Record<Variant, number>;
  networkCallsAtImport: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function bundle(entry: string, outfile: string, variant: Variant): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    target: LAMBDA_BUNDLING.target,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    banner: { js: LAMBDA_BUNDLING.banner },
    ...(variant === 'product' ? { alias: { ...LAMBDA_BUNDLING.alias }, external: [...LAMBDA_BUNDLING.external] } : {}),
    ...(variant === 'sdkExternal' ? { external: ['@aws-sdk/*'] } : {}),
    logLevel: 'silent',
  });
  return Math.round(statSync(outfile).size / 1024);
}

/**
 * A stand-in for DynamoDB and Secrets Manager that answers every call alike: no item, and the
 * link secret (fields an operation does not have are ignored), so the first request's calls
 * go somewhere real.
 */
export async function startDynamoStub(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify({ SecretString: LINK_SECRET })));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A customer's click on a score in the email: API Gateway's event for `GET /q/{token}?score=9`. */
export function oneClickEvent(): string {
  const token = signLink({ purpose: 'answer', linkId: newLinkId(), expiresAt: Math.floor(Date.now() / 1000) + 86_400, scope: { questionnaireId: 'customer-service', waveId: '2026-W48', language: 'en' } }, LINK_SECRET);
  const path = `/q/${token}`;
  const userAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
  return JSON.stringify({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: 'score=9',
    headers: { host: 'api.x.example', 'user-agent': userAgent, accept: 'text/html' },
    requestContext: { domainName: 'api.x.example', requestId: 'bench', stage: '$default', timeEpoch: Date.now(), http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent } },
    isBase64Encoded: false,
  });
}

/**
 * Cold-start proxies per function: bundle size and module import time (median of `runs`
 * fresh node processes, the three variants interleaved so a busy moment of the machine
 * weighs on all alike); for the answer function, also its first request.
 */
export async function measureColdStarts(runs = 25, only?: string, onProgress: (line: string) => void = () => undefined): Promise<ColdStart[]> {
  mkdirSync(OUT, { recursive: true });
  const stub = await startDynamoStub();
  const results: ColdStart[] = [];
  try {
    for (const fn of readdirSync(join(ROOT, 'functions')).sort().filter((name) => !only || name === only)) {
      const entry = join(ROOT, 'functions', fn, 'handler.ts');
      const answering = fn === 'http-api';
      const env = { ...process.env, ...ENVIRONMENT, ...(answering ? { BENCH_EVENT: oneClickEvent(), AWS_ENDPOINT_URL_DYNAMODB: stub.url, AWS_ENDPOINT_URL_SECRETS_MANAGER: stub.url } : {}) };
      const kb = {} as Record<Variant, number>;
      const times = Object.fromEntries(VARIANTS.map((v) => [v, { importMs: [] as number[], firstRequestMs: [] as number[] }])) as Record<Variant, { importMs: number[]; firstRequestMs: number[] }>;
      for (const variant of VARIANTS) kb[variant] = await bundle(entry, join(OUT, `${fn}-${variant}.mjs`), variant);
      let connections = 0;
      for (let i = 0; i < runs; i++) {
        for (const variant of VARIANTS) {
          const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROBE, join(OUT, `${fn}-${variant}.mjs`)], { env, encoding: 'utf8' });
          const probe = JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number; connections: number; firstRequestMs?: number; status?: number };
          if (answering && probe.status !== 200) throw new Error(`the ${variant} build of ${fn} answered its first request with ${probe.status}`);
          times[variant].importMs.push(probe.ms);
          if (probe.firstRequestMs !== undefined) times[variant].firstRequestMs.push(probe.firstRequestMs);
          connections = Math.max(connections, probe.connections);
        }
      }
      const medians = (pick: 'importMs' | 'firstRequestMs') => Object.fromEntries(VARIANTS.map((v) => [v, Math.round(median(times[v][pick]) * 10) / 10])) as Record<Variant, number>;
      const importMs = medians('importMs');
      results.push({ fn, kb, importMs, ...(answering ? { firstRequestMs: medians('firstRequestMs') } : {}), networkCallsAtImport: connections });
      onProgress(`cold start: ${fn} ${importMs.product} ms (SDK bundled ${importMs.sdkBundled} ms, external ${importMs.sdkExternal} ms)`);
    }
  } finally {
    stub.close();
  }
  return results;
}
