import { build, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LAMBDA_BUNDLING } from '../../infra/constructs/lambda-bundling.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test/.tmp/bench-bundles');
const SDK_BASELINE = join(import.meta.dirname, 'sdk-baseline');

/** Dummy values for every variable a handler reads at import: enough to load, none used to call out. */
const ENVIRONMENT = {
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench',
  BUSINESS_NAME: 'Bench',
  QUESTIONNAIRE_DIR: join(ROOT, 'config/questionnaires'),
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
  SES_SEND_RATE: '14',
  LINK_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:x',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  NODE_OPTIONS: '',
};

/**
 * Imports a bundle in a fresh process and prints the import time; any socket opened during
 * import is counted. `node:http` is loaded first because Lambda's Node.js runtime has loaded
 * it (to talk to the Runtime API) before it imports a handler.
 */
const PROBE = `
import 'node:http';
import net from 'node:net';
let connections = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { connections++; return connect.apply(this, args); };
const t = performance.now();
await import(process.argv[1]);
console.log(JSON.stringify({ ms: performance.now() - t, connections }));
`;

/**
 * The three builds compared. `product` is what the stack deploys. The other two are the same
 * handler with the AWS SDK v3 (document client, SQS, Secrets Manager and SES clients) where the
 * product has its lean client — what a typical CDK user writes — bundled, and left external as
 * NodejsFunction does by default (loaded from node_modules at start).
 */
export const VARIANTS = ['product', 'sdkBundled', 'sdkExternal'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface ColdStart {
  fn: string;
  /** Minified JavaScript, without the source map (which Node does not load). */
  kb: Record<Variant, number>;
  /** Median import time of fresh processes. */
  importMs: Record<Variant, number>;
  networkCallsAtImport: number;
}

/** Points the product's AWS-facing modules at their SDK v3 equivalents in `sdk-baseline/`. */
const useSdkBaseline: Plugin = {
  name: 'sdk-baseline',
  setup(b) {
    b.onResolve({ filter: /(table-client|sqs-queue|link-secret|mailer)\.ts$/ }, (args) => {
      if (args.importer.startsWith(SDK_BASELINE)) return undefined;
      const target = resolve(dirname(args.importer), args.path);
      if (!target.startsWith(join(ROOT, 'shared'))) return undefined;
      return { path: join(SDK_BASELINE, target.split('/').pop()!) };
    });
  },
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function bundle(entry: string, outfile: string, variant: Variant): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    target: LAMBDA_BUNDLING.target,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    banner: { js: LAMBDA_BUNDLING.banner },
    external: variant === 'sdkExternal' ? ['@aws-sdk/*'] : [],
    plugins: variant === 'product' ? [] : [useSdkBaseline],
    logLevel: 'silent',
  });
  return Math.round(statSync(outfile).size / 1024);
}

/**
 * Cold-start proxies per function: bundle size and module import time (median of `runs`
 * fresh node processes, the three variants interleaved so a busy moment of the machine
 * weighs on all alike).
 */
export async function measureColdStarts(runs = 25, only?: string, onProgress: (line: string) => void = () => undefined): Promise<ColdStart[]> {
  mkdirSync(OUT, { recursive: true });
  const results: ColdStart[] = [];
  for (const fn of readdirSync(join(ROOT, 'functions')).sort().filter((name) => !only || name === only)) {
    const entry = join(ROOT, 'functions', fn, 'handler.ts');
    const kb = {} as Record<Variant, number>;
    const times = Object.fromEntries(VARIANTS.map((v) => [v, [] as number[]])) as Record<Variant, number[]>;
    for (const variant of VARIANTS) kb[variant] = await bundle(entry, join(OUT, `${fn}-${variant}.mjs`), variant);
    let connections = 0;
    for (let i = 0; i < runs; i++) {
      for (const variant of VARIANTS) {
        const output = execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, join(OUT, `${fn}-${variant}.mjs`)], { env: { ...process.env, ...ENVIRONMENT }, encoding: 'utf8' });
        const probe = JSON.parse(output.trim().split('\n').pop()!) as { ms: number; connections: number };
        times[variant].push(probe.ms);
        connections = Math.max(connections, probe.connections);
      }
    }
    const importMs = Object.fromEntries(VARIANTS.map((v) => [v, Math.round(median(times[v]) * 10) / 10])) as Record<Variant, number>;
    results.push({ fn, kb, importMs, networkCallsAtImport: connections });
    onProgress(`cold start: ${fn} ${importMs.product} ms (SDK bundled ${importMs.sdkBundled} ms, external ${importMs.sdkExternal} ms)`);
  }
  return results;
}
