import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveContact } from '../../shared/people/contact-store.ts';
import { recordSubmission } from '../../shared/answering/response-store.ts';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { cliOn } from '../support/cli-on-pipeline.ts';

const pipelines = usePipeline({ now: () => new Date('2026-11-23T09:00:00Z') });
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** An SES endpoint that refuses every message as SES refuses a bad one (not the sender: the message). */
async function sesRefusingMail(): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(400, { 'content-type': 'text/xml' });
      response.end('<ErrorResponse><Error><Type>Sender</Type><Code>MessageRejected</Code><Message>Illegal address</Message></Error><RequestId>r-1</RequestId></ErrorResponse>');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the CLI’s results, exit codes and progress (DynamoDB Local)', () => {
  it('`report --format json` prints JSON even for a period without responses, and csv prints its header', async () => {
    const pipeline = await pipelines.start();
    const json = await cliOn(pipeline, ['report', '--period', '2026-W40', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toBeNull();
    const csv = await cliOn(pipeline, ['report', '--period', '2026-W40', '--format', 'csv']);
    expect(csv.out).toBe('section,item,measure,value');
  });

  it('`report --format json` keeps stdout for the JSON alone', async () => {
    const pipeline = await pipelines.start();
    await recordSubmission(pipeline.table, { questionnaireId: customerQuestionnaire.id, waveId: '2026-W47', linkId: 'r-1' }, { headline: 9, values: {}, probes: {}, standards: {}, complaintRequested: false }, { at: '2026-11-18T10:00:00.000Z' });
    const run = await cliOn(pipeline, ['report', '--period', '2026-W47', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ period: '2026-W47', responses: 1 });
  });

  it('`send` that could not send every invitation exits 1 and says how many and why, with its progress on stderr', async () => {
    const pipeline = await pipelines.start();
    for (let i = 0; i < 3; i++) await saveContact(pipeline.table, aContact());
    const run = await cliOn(pipeline, ['send'], { inboxUrl: await sesRefusingMail() });
    expect(run.code).toBe(1);
    expect(run.err).toContain('3 invitations could not be sent: 3 refused by SES or interrupted');
    expect(run.err).toContain('Sending 3 emails…');
    expect(run.err).toContain('  3 of 3 handled');
    // The summary is the result; progress and the failure are not.
    expect(run.out).toMatch(/^customer-service, wave 2026-W\d\d \(benchmark\): 3 considered, 3 queued/);
    expect(run.out).not.toMatch(/Sending|could not/);
  });

  it('`send` that sent everything exits 0', async () => {
    const pipeline = await pipelines.start();
    await saveContact(pipeline.table, aContact());
    const run = await cliOn(pipeline, ['send']);
    expect(run).toMatchObject({ code: 0, err: expect.not.stringContaining('could not') });
  });

  it('`digest` reports its progress on stderr and its outcome on stdout', async () => {
    const pipeline = await pipelines.start();
    await recordSubmission(pipeline.table, { questionnaireId: customerQuestionnaire.id, waveId: '2026-W47', linkId: 'r-1' }, { headline: 9, values: {}, probes: {}, standards: {}, complaintRequested: false }, { at: '2026-11-18T10:00:00.000Z' });
    const run = await cliOn(pipeline, ['digest', '--period', '2026-W47']);
    expect(run.code).toBe(0);
    expect(run.err).toContain('Aggregating customer-service for 2026-W47…');
    expect(run.err).toMatch(/digest 1 of \d+/);
    expect(run.out).toMatch(/^Digest for 2026-W47/);
  });

  it('`import` with a bad file exits 1 with one message on stderr, and a missing file exits 1 too', async () => {
    const pipeline = await pipelines.start();
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const file = join(dir, 'staff-as-contacts.csv');
    writeFileSync(file, 'email,name,department,role\na@acme.example,A,Repairs,manager\nb@acme.example,B,Repairs,staff\n');
    const run = await cliOn(pipeline, ['import', 'contacts', file]);
    expect(run).toEqual({ code: 1, out: '', err: `${file}: this is a staff file (it has a "role" column): import it with \`feedback import staff\`. Nothing was imported.` });
    expect((await cliOn(pipeline, ['import', 'staff', join(dir, 'missing.csv')])).code).toBe(1);
  });
});
