import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test/.tmp/bench-bundles');
const BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

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
};

/** Imports a bundle in a fresh process and prints the import time; any socket opened during import is counted. */
const PROBE = `
import net from 'node:net';
let connections = 0;
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { connections++; return connect.apply(this, args); };
const t = performance.now();
await import(process.argv[1]);
console.log(JSON.stringify({ ms: performance.now() - t, connections }));
`;

export interface ColdStart {
  fn: string;
  bundledKb: number;
  bundledImportMs: number;
  sdkExternalKb: number;
  sdkExternalImportMs: number;
  networkCallsAtImport: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Cold-start proxies per function: bundle size (minified ESM, AWS SDK bundled, as the stack
 * deploys it) and module import time (median of `runs` fresh node processes), beside
 * NodejsFunction's default of leaving the SDK external and loading it from node_modules.
 */
export async function measureColdStarts(runs = 25, only?: string): Promise<ColdStart[]> {
  mkdirSync(OUT, { recursive: true });
  const results: ColdStart[] = [];
  for (const fn of readdirSync(join(ROOT, 'functions')).sort().filter((name) => !only || name === only)) {
    const entry = join(ROOT, 'functions', fn, 'handler.ts');
    const variants = { bundled: [] as string[], external: ['@aws-sdk/*'] };
    const measured: Record<string, { kb: number; ms: number; connections: number }> = {};
    for (const [name, external] of Object.entries(variants)) {
      const outfile = join(OUT, `${fn}-${name}.mjs`);
      await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'node', target: 'node20', mainFields: ['module', 'main'], external, banner: { js: BANNER }, outfile, logLevel: 'silent' });
      const times: number[] = [];
      let connections = 0;
      for (let i = 0; i < runs; i++) {
        const output = execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, outfile], { env: { ...process.env, ...ENVIRONMENT }, encoding: 'utf8' });
        const probe = JSON.parse(output.trim().split('\n').pop()!) as { ms: number; connections: number };
        times.push(probe.ms);
        connections = Math.max(connections, probe.connections);
      }
      measured[name] = { kb: Math.round(statSync(outfile).size / 1024), ms: Math.round(median(times) * 10) / 10, connections };
    }
    results.push({
      fn,
      bundledKb: measured['bundled']!.kb,
      bundledImportMs: measured['bundled']!.ms,
      sdkExternalKb: measured['external']!.kb,
      sdkExternalImportMs: measured['external']!.ms,
      networkCallsAtImport: Math.max(measured['bundled']!.connections, measured['external']!.connections),
    });
  }
  return results;
}
