import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../../infra/app.ts';

const run = promisify(execFile);
const outdir = mkdtempSync(join(tmpdir(), 'cdk-bundles-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Imports a bundle in a fresh process with a Lambda-like environment and reports what it exports. */
const PROBE = `
const module = await import(process.argv[1]);
console.log(JSON.stringify({ handler: typeof module.handler }));
`;

describe('the synthesised Lambda bundles (NodejsFunction with the product’s esbuild settings)', () => {
  it('every function bundles, loads with its environment, and exports its handler; no credential chain beyond the environment is inside', { timeout: 120_000 }, async () => {
    buildApp(new App({ outdir })).synth();
    const template = JSON.parse(readFileSync(join(outdir, 'FeedbackPipeline.template.json'), 'utf8')) as { Resources: Record<string, { Type: string; Properties: Record<string, any> }> };
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties['Runtime'] === 'nodejs24.x');
    expect(functions).toHaveLength(8);
    for (const fn of functions) {
      const asset = `asset.${String(fn.Properties['Code'].S3Key).replace(/\.zip$/, '')}`;
      const bundle = join(outdir, asset, 'index.mjs');
      expect(readdirSync(join(outdir, asset))).toContain('index.mjs');
      // Nothing ships that the function never loads: no source map.
      expect(readdirSync(join(outdir, asset)).filter((file) => file.endsWith('.map'))).toEqual([]);
      const source = readFileSync(bundle, 'utf8');
      // The alias replaced the SDK's default chain: no SSO or credential-process provider is bundled.
      expect(source).not.toMatch(/sso_start_url|credential_process/);
      const variables = Object.fromEntries(Object.entries(fn.Properties['Environment'].Variables as Record<string, unknown>).map(([name, value]) => [name, typeof value === 'string' ? value : 'arn:aws:placeholder:eu-west-2:111122223333:x']));
      const env = {
        ...process.env,
        ...variables,
        // Placeholders for the values CloudFormation fills in at deploy time.
        TABLE_NAME: 'table',
        SEND_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111122223333/send',
        COMPLAINT_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/111122223333/complaints',
        PUBLIC_BASE_URL: 'https://api.example.com',
        SES_CONFIGURATION_SET: 'feedback',
        QUESTIONNAIRE_DIR: join(outdir, asset, 'questionnaires'),
        // The http-api function reads the logo shipped beside it at start: this proves it is in the bundle.
        BRAND_DIR: join(outdir, asset, 'brand'),
        AWS_REGION: 'eu-west-2',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      };
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROBE, bundle], { env, cwd: resolve(outdir, asset) });
      expect(JSON.parse(stdout), fn.Properties['Description'] as string).toEqual({ handler: 'function' });
    }
  });
});
