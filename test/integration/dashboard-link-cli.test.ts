import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../local/demo-data.ts';
import { writeLocalLinkSecret } from '../../local/local-secret.ts';
import { cliOn } from '../support/cli-on-pipeline.ts';
import type { TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const SECRET = 'cli-dashboard-secret-'.padEnd(48, 'y');
const pipelines = usePipeline({ linkSecret: SECRET }, { per: 'file' });
const dataDir = mkdtempSync(join(tmpdir(), 'dashboard-cli-'));
let pipeline: TestPipeline;

const run = (...args: string[]) => cliOn(pipeline, ['dashboard-link', ...args], { dataDir });
const pathOf = (out: string) => new URL(out.split('\n')[0]!).pathname;

beforeAll(async () => {
  writeLocalLinkSecret(join(dataDir, 'link-secret'), SECRET);
  pipeline = await pipelines.start();
  await seedDemoData(pipeline.table);
});

describe('feedback dashboard-link', () => {
  it('prints a link that opens the scope’s dashboard, and --revoke ends it while a later link works', async () => {
    const issued = await run('--scope', 'department:repairs', '--days', '7');
    expect(issued).toMatchObject({ code: 0, err: expect.stringContaining('Dashboard for department repairs, valid until') });
    // The link alone on stdout, for `LINK=$(npx feedback dashboard-link …)`.
    expect(issued.out).toMatch(/^http:\/\/localhost:1\/dashboard\/v2\.\S+$/);
    const path = pathOf(issued.out);
    expect((await pipeline.app.request(path)).status).toBe(200);
    const company = pathOf((await run('--scope', 'company')).out);

    expect(await run('--revoke', '--scope', 'dept:repairs')).toMatchObject({ code: 0, out: expect.stringContaining('Revoked every dashboard link for department repairs') });
    expect((await pipeline.app.request(path)).status).toBe(404);
    expect((await pipeline.app.request(company)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await pipeline.app.request(pathOf((await run('--scope', 'department:repairs')).out))).status).toBe(200);
  });

  it('refuses a missing or malformed scope or days as usage errors, and an unknown department or staff member as a failure', async () => {
    expect(await run()).toMatchObject({ code: 2, err: expect.stringContaining('--scope: say company, department:<id> or staff:<email>') });
    expect(await run('--scope', 'everyone')).toMatchObject({ code: 2, err: expect.stringContaining('not "everyone"') });
    expect(await run('--scope', 'company', '--days', '0')).toMatchObject({ code: 2, err: expect.stringContaining('--days: "0"') });
    expect(await run('--scope', 'company', '--days', '400')).toMatchObject({ code: 2 });
    expect(await run('--revoke', '--scope', 'company', '--days', '3')).toMatchObject({ code: 2 });
    expect(await run('--scope', 'department:nowhere')).toMatchObject({ code: 1, err: expect.stringContaining('no department "nowhere"') });
    expect(await run('--scope', 'staff:nobody@acme.example')).toMatchObject({ code: 1, err: expect.stringContaining('no staff member') });
    expect(await run('--scope', 'staff:Sam.Reed@acme.example')).toMatchObject({ code: 0 });
  });
});
