import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getContact } from '../../shared/people/contact-store.ts';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import type { TInvitation } from '../../shared/invitations/invitation-store.ts';
import { importContacts } from '../../shared/people/import-file.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { aContact } from '../support/factories.ts';
import { complaintPathIn, inboxEmails, postForm, type TestPipeline } from '../support/local-services.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { storedResponseItem } from '../support/stored-responses.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { freshTable } from '../support/test-table.ts';

const now = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => now }, { per: 'file' });
let pipeline: TestPipeline;
let answerPath: string;
let unsubscribePath: string;
let complaintBase: string;
let contactEmail: string;
let invitation: TInvitation;

beforeAll(async () => {
  pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now });
  const invited = await inviteCustomer(pipeline, aContact({ departmentId: 'repairs', staffEmail: 'jo.kim@acme.example' }));
  ({ answerPath, unsubscribePath, invitation } = invited);
  contactEmail = invited.contact.email;
  // A complaint to act on.
  await postForm(pipeline, answerPath, { score: '1', [fieldNames.complaint]: 'yes' });
  await pipeline.drained();
  const escalation = (await inboxEmails(pipeline.inbox)).find((e) => e.subject.startsWith('Complaint'))!;
  complaintBase = complaintPathIn(escalation);
});

const responseItem = () => storedResponseItem(pipeline.table, invitation);

const knownFields = [fieldNames.headline, fieldNames.comment, fieldNames.complaint, fieldNames.comparison, fieldNames.performance('speed'), fieldNames.importance('price'), fieldNames.competitor('quality'), fieldNames.standard('called-by-name'), fieldNames.probe('speed'), 'probes-shown'];
const fieldValue = fc.oneof(fc.string(), fc.integer({ min: -5, max: 20 }).map(String), fc.constantFrom('yes', 'no', 'dk', 'better', ''), fc.string({ unit: 'grapheme', maxLength: 50 }), fc.string({ minLength: 4990, maxLength: 5010 }));
const formBody = fc.dictionary(fc.oneof(fc.constantFrom(...knownFields), fc.string({ minLength: 1, maxLength: 12 })), fieldValue, { maxKeys: 6 });

describe('hostile input never gets a 5xx, a partial write, or a silent refusal', () => {
  it('the answer endpoint: 200 and stored, or 400 naming the field and nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(formBody, async (fields) => {
        const before = await responseItem();
        const response = await postForm(pipeline, answerPath, fields);
        const html = await response.text();
        expect([200, 400, 413]).toContain(response.status);
        if (response.status === 200) {
          expect((await responseItem())?.['headlineScore']).toBe(Number(fields[fieldNames.headline]));
        } else {
          // Every 400 lists what was wrong, each linked to its question.
          if (response.status === 400) expect(html).toMatch(/role="alert"[\s\S]*<a href="#q-[^"]+">[^<]+: [^<]+<\/a>/);
          expect(await responseItem()).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the unsubscribe endpoint: a bad token is a 404 and unsubscribes no one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom('GET', 'POST'), async (token, method) => {
        const response = await pipeline.app.request(`/unsubscribe/${encodeURIComponent(token)}`, { method, body: method === 'POST' ? 'List-Unsubscribe=One-Click' : null });
        expect(response.status).toBe(404);
        expect((await getContact(pipeline.table, contactEmail))?.unsubscribedAt).toBeUndefined();
      }),
      { numRuns: 60 },
    );
    expect(unsubscribePath).toMatch(/^\/unsubscribe\//);
  });

  it('complaint actions: unknown actions and bad bodies are refused with a reason; the state stays valid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('acknowledge', 'resolve', 'reassign'), fc.string({ minLength: 1, maxLength: 20 })), fc.dictionary(fc.constantFrom('note', 'to', 'x'), fc.oneof(fc.string(), fc.emailAddress(), fc.string({ minLength: 1990, maxLength: 2010 })), { maxKeys: 2 }), async (action, body) => {
        const response = await postForm(pipeline, `${complaintBase}/${encodeURIComponent(action)}`, body);
        expect([200, 400, 404]).toContain(response.status);
        if (response.status === 400) expect(await response.text()).toMatch(/(note|to|x)[^<]*:/);
        const complaint = await getComplaint(pipeline.table, invitation.linkId);
        expect(['open', 'acknowledged', 'resolved']).toContain(complaint?.state);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the CSV importer on arbitrary files', () => {
  it('imports every row or none, and names each bad row by line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-prop-'));
    const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.emailAddress(), fc.constantFrom('', '2026-11-20', 'en', '"', ',', '\n'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }), async (rows) => {
        const table = await freshTable();
        const file = join(dir, `f${n++}.csv`);
        writeFileSync(file, ['email,name,date', ...rows.map((r) => r.join(','))].join('\n'));
        const report = await importContacts(table, file, { now: new Date('2026-11-23T00:00:00Z') });
        const items = (await table.db.send(new ScanCommand({ TableName: table.name }))).Items ?? [];
        if (report.problems.length > 0) {
          expect(items).toEqual([]);
          for (const problem of report.problems) expect(problem.message.length).toBeGreaterThan(0);
        } else {
          expect(report.imported).toBe(report.rows);
        }
      }),
      { numRuns: 25 },
    );
  });
});
