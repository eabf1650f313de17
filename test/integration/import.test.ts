import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importContacts, importStaff } from '../../shared/people/import-file.ts';
import { getContact } from '../../shared/people/contact-store.ts';
import { createApp } from '../../functions/http-api/app.tsx';
import { localAdminAccess } from '../../shared/platform/web/admin-access.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import { freshTable } from '../support/test-table.ts';
import { demoConfig, demoQuestionnaires } from '../support/factories.ts';
import { complaintHandlingFrom } from '../../shared/complaints/handling-config.ts';

const now = new Date('2026-11-23T09:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'import-'));
function csv(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}
async function allItems(table: Table) {
  const { Items = [] } = await table.db.send(new ScanCommand({ TableName: table.name }));
  return Items.sort((a, b) => `${a['pk']}${a['sk']}`.localeCompare(`${b['pk']}${b['sk']}`));
}

describe('importing contacts and staff (DynamoDB Local)', () => {
  it('imports the sample contacts file, and importing it again changes nothing', async () => {
    const table = await freshTable();
    const first = await importContacts(table, 'examples/contacts.csv', { now });
    expect(first).toEqual({ rows: 3, imported: 3, problems: [] });
    const before = await allItems(table);
    expect(await getContact(table, 'chloe.oneill@customer.example')).toMatchObject({ name: "Chloé O'Neill, Jr.", departmentId: 'customer-care', lastInteractionAt: '2026-11-20T00:00:00.000Z' });

    await importContacts(table, 'examples/contacts.csv', { now });
    expect(await allItems(table)).toEqual(before);
  });

  it('a file with bad rows imports nothing and names every bad row by line', async () => {
    const table = await freshTable();
    const file = csv(
      'bad.csv',
      ['email,name,date', 'ok@customer.example,Ok,2026-11-20', 'nope,Bad Email,2026-11-20', '', 'late@customer.example,Late,20/11/2026', 'x@customer.example,,2026-11-20'].join('\n'),
    );
    const report = await importContacts(table, file, { now });
    expect(report.imported).toBe(0);
    expect(report.problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [3, 'email'],
      [5, 'date'],
      [6, 'name'],
    ]);
    expect(await allItems(table)).toEqual([]);
  });

  it('a row with the wrong number of columns is reported, not half-read', async () => {
    const table = await freshTable();
    const report = await importContacts(table, csv('ragged.csv', 'email,name\na@customer.example,A,extra\n'), { now });
    expect(report.imported).toBe(0);
    expect(report.problems[0]?.message).toMatch(/column|record/i);
  });

  it('an older interaction in a later import does not move a contact’s latest interaction back', async () => {
    const table = await freshTable();
    await importContacts(table, csv('new.csv', 'email,name,date\na@customer.example,A,2026-11-20\n'), { now });
    await importContacts(table, csv('old.csv', 'email,name,date\na@customer.example,A,2026-10-01\n'), { now });
    expect((await getContact(table, 'a@customer.example'))?.lastInteractionAt).toBe('2026-11-20T00:00:00.000Z');
  });

  it('imports the staff directory with one manager per department, refusing a second', async () => {
    const table = await freshTable();
    expect(await importStaff(table, 'examples/staff.csv', { now })).toEqual({ rows: 6, imported: 6, problems: [] });
    const departments = (await allItems(table)).filter((item) => item['kind'] === 'department');
    expect(departments.map((d) => [d['id'], d['managerEmail']])).toEqual([
      ['customer-care', 'lena.novak@acme.example'],
      ['installations', 'priya.shah@acme.example'],
      ['repairs', 'tom.osei@acme.example'],
    ]);

    const twoManagers = csv('two.csv', 'email,name,department,role\na@acme.example,A,Repairs,manager\nb@acme.example,B,repairs,manager\n');
    const report = await importStaff(await freshTable(), twoManagers, { now });
    expect(report.problems).toEqual([{ line: 3, message: 'department "repairs" already has a manager on line 2' }]);
  });
});

describe('POST /admin/interactions', () => {
  async function app() {
    const table = await freshTable();
    const http = createApp({ table, questionnaires: demoQuestionnaires, businessName: 'Acme', complaintRules: demoConfig.complaints, responseRetentionDays: 730, complaintHandling: complaintHandlingFrom(demoConfig), complaintQueue: { send: async () => undefined }, linkSecret: async () => 'x'.repeat(40), now: () => now, adminAccess: localAdminAccess, logError: () => undefined });
    const post = (body: unknown) => http.request('/admin/interactions', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { table, post };
  }

  it('records each interaction on its contact', async () => {
    const { table, post } = await app();
    const response = await post({ interactions: [{ email: 'new@customer.example', name: 'New Customer', staffEmail: 'sam.reed@acme.example', department: 'Installations', date: '2026-11-22T16:00:00Z' }] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ recorded: 1 });
    expect(await getContact(table, 'new@customer.example')).toMatchObject({ departmentId: 'installations', lastInteractionAt: '2026-11-22T16:00:00.000Z' });
  });

  it.each([
    ['not JSON', 'email=a', 'the body must be JSON'],
    ['an empty batch', { interactions: [] }, 'interactions'],
    ['a bad email', { interactions: [{ email: 'nope', name: 'A' }] }, 'interactions[0].email: must be an email address'],
    ['an unknown field', { interactions: [{ email: 'a@customer.example', name: 'A', vip: true }] }, 'interactions[0]'],
    ['over 100 interactions', { interactions: Array.from({ length: 101 }, (_, i) => ({ email: `c${i}@customer.example`, name: 'C' })) }, 'interactions'],
  ])('answers 400 for %s, naming what was wrong, and writes nothing', async (_name, body, expected) => {
    const { table, post } = await app();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(expected);
    expect(await allItems(table)).toEqual([]);
  });
});
