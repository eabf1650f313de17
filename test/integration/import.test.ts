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
    await importStaff(table, 'examples/staff.csv', { now });
    const first = await importContacts(table, 'examples/contacts.csv', { now });
    expect(first).toEqual({ rows: 3, imported: 3, problems: [], separator: ',' });
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
    expect(await importStaff(table, 'examples/staff.csv', { now })).toEqual({ rows: 6, imported: 6, problems: [], separator: ',' });
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

describe('imports explain themselves once', () => {
  it('a wrong header is one message naming the columns, not one per row', async () => {
    const table = await freshTable();
    const rows = Array.from({ length: 40 }, (_, i) => `c${i}@customer.example,Customer ${i}`);
    const report = await importContacts(table, csv('header.csv', ['mail,full name', ...rows].join('\n')), { now });
    expect(report.problems).toEqual([]);
    expect(report.fileProblem).toMatch(/^the header row has no "email", "name" columns, and it names unknown columns "mail", "full_name" \(the columns are email, name, language \(optional\)/);
    expect(await allItems(table)).toEqual([]);
  });

  it('a semicolon-separated file is read as such', async () => {
    const table = await freshTable();
    const report = await importContacts(table, csv('semi.csv', 'email;name;language\na@customer.example;"O\'Neill, Ann";en\n'), { now });
    expect(report).toEqual({ rows: 1, imported: 1, problems: [], separator: ';' });
    expect(await getContact(table, 'a@customer.example')).toMatchObject({ name: "O'Neill, Ann" });
  });

  it('a staff file given to `import contacts` says to use `import staff`, and the other way round', async () => {
    const table = await freshTable();
    expect((await importContacts(table, 'examples/staff.csv', { now })).fileProblem).toContain('import it with `feedback import staff`');
    expect((await importStaff(table, 'examples/contacts.csv', { now })).fileProblem).toContain('import it with `feedback import contacts`');
    expect(await allItems(table)).toEqual([]);
  });

  it('reports a staff_email or department that is not in the staff directory, and an empty directory once', async () => {
    const table = await freshTable();
    const file = csv('who.csv', ['email,name,staff_email,department', 'a@customer.example,A,sam.reed@acme.example,Repairs', 'b@customer.example,B,nobody@acme.example,Repairs', 'c@customer.example,C,jo.kim@acme.example,Plumbing'].join('\n'));
    const empty = await importContacts(table, file, { now });
    expect(empty).toMatchObject({ imported: 0, problems: [], fileProblem: expect.stringContaining('the staff directory is empty: import it first with `feedback import staff`') });
    await importStaff(table, 'examples/staff.csv', { now });
    const report = await importContacts(table, file, { now });
    expect(report.imported).toBe(0);
    expect(report.problems).toEqual([
      { line: 3, message: 'staff_email: "nobody@acme.example" is not in the staff directory' },
      { line: 4, message: 'department: "Plumbing" is not a department of the staff directory (customer-care, installations, repairs)' },
    ]);
  });

  it('a bad language lists the languages there are', async () => {
    const report = await importContacts(await freshTable(), csv('lang.csv', 'email,name,language\na@customer.example,A,english\n'), { now });
    expect(report.problems).toEqual([{ line: 2, message: 'language: "english" is not a language of the questionnaires; use one of en, es' }]);
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
