import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { runCli } from '../../cli/main.ts';
import { cliOn } from '../support/cli-on-pipeline.ts';
import { inboxEmails } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { demoConfig } from '../support/factories.ts';

const pipelines = usePipeline();

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('feedback preview', () => {
  it('writes the invitation email and the questionnaire page as files, with the logo beside them, and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    const { code, output } = await cli('preview', 'customer-service', '--language', 'es', '--out', dir);
    expect(code).toBe(0);
    expect(output).toContain(join(dir, 'customer-service-es-email.html'));
    expect(output).toContain(join(dir, 'customer-service-es-page.html'));
    expect(readdirSync(dir).sort()).toEqual(['customer-service-es-email.html', 'customer-service-es-email.txt', 'customer-service-es-page.html', 'logo.png']);
    const email = readFileSync(join(dir, 'customer-service-es-email.html'), 'utf8');
    expect(email).toContain('lang="es"');
    expect(email).toContain('<img src="logo.png"');
    expect(email).toContain('Basta con un clic');
    const page = readFileSync(join(dir, 'customer-service-es-page.html'), 'utf8');
    expect(page).toContain(`<title>¿Qué tal lo hicimos? — ${demoConfig.businessName}</title>`);
    expect(page).toContain('<form');
  });

  it('refuses an unknown questionnaire or language as bad usage (exit 2), naming what there is', async () => {
    expect(await cli('preview', 'nope')).toMatchObject({ code: 2, output: expect.stringContaining('No questionnaire "nope"; there are: customer-service, staff-policies') });
    expect(await cli('preview', '--language', 'fr')).toMatchObject({ code: 2, output: expect.stringContaining('--language: "fr" is not one of en, es') });
  });
});

describe('feedback send --test', () => {
  it('sends one real invitation to the address, marked as a test, and records nothing', async () => {
    const pipeline = await pipelines.start();
    const before = (await pipeline.table.db.send(new ScanCommand({ TableName: pipeline.table.name }))).Items ?? [];
    const run = await cliOn(pipeline, ['send', '--test', 'owner@acme.example', '--language', 'es']);
    expect(run).toMatchObject({ code: 0, out: expect.stringContaining('Test invitation for customer-service (es) sent to owner@acme.example') });
    const emails = (await inboxEmails(pipeline.inbox)).filter((e) => e.destination.to.includes('owner@acme.example'));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(`[Test] ${demoConfig.businessName}: ¿Qué tal lo hicimos?`);
    expect(emails[0]!.body.html).toContain('Basta con un clic');
    expect(emails[0]!.body.html).toContain('/q/test-send?score=10');
    const after = (await pipeline.table.db.send(new ScanCommand({ TableName: pipeline.table.name }))).Items ?? [];
    expect(after).toEqual(before);
  });

  it('refuses an address that is not one, and options that only go with --test, as bad usage', async () => {
    expect(await cli('send', '--test', 'nobody')).toMatchObject({ code: 2, output: expect.stringContaining('--test: "nobody" is not an email address') });
    expect(await cli('send', '--language', 'es')).toMatchObject({ code: 2, output: expect.stringContaining('--questionnaire and --language go with --test.') });
  });
});
