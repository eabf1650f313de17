import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importStaff } from '../../shared/people/import-file.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { departmentId } from '../../shared/people/import-schemas.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { customerQuestionnaire } from '../support/factories.ts';
import { complaintPathIn, inboxEmails, postForm } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => now });

/** Markup that would run or inject if any page or email printed it unescaped. */
const CORPUS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg/onload=alert(3)>",
  '</textarea><script>alert(4)</script>',
  '<a href="javascript:alert(5)">x</a>',
  '<style>body{display:none}</style>',
];
const DANGEROUS = [/<script>alert/i, /<img src=x/i, /<svg\/onload/i, /href="javascript:/i, /<style>body\{display:none/i];

function expectInert(html: string, where: string) {
  for (const pattern of DANGEROUS) expect(html, `${where} contains ${pattern}`).not.toMatch(pattern);
}

describe('every customer- and admin-supplied string is escaped in every page and email', () => {
  it.each(CORPUS.map((payload, i) => [i, payload] as const))('payload %i: %s', async (_i, payload) => {
    const pipeline = await pipelines.start();
    const dir = mkdtempSync(join(tmpdir(), 'xss-'));
    const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const staffFile = join(dir, 'staff.csv');
    writeFileSync(staffFile, ['email,name,department,role', `boss@acme.example,${csvCell(`Boss ${payload}`)},${csvCell(`Dept ${payload}`)},manager`, `worker@acme.example,${csvCell(`Worker ${payload}`)},${csvCell(`Dept ${payload}`)},staff`].join('\n'));
    expect((await importStaff(pipeline.table, staffFile, { now })).problems).toEqual([]);
    const department = departmentId(`Dept ${payload}`);
    const victim = { email: 'victim@customer.example', name: `Eve ${payload}`, language: 'en', staffEmail: 'worker@acme.example', departmentId: department };
    const { invitationEmail, answerPath, askedValues } = await inviteCustomer(pipeline, victim);
    const probed = askedValues.find((id) => customerQuestionnaire.values.find((v) => v.id === id)?.probe)!;

    const pages: Array<[string, string]> = [];
    pages.push(['invitation email', invitationEmail.body.html!]);
    const fields = { score: '2', [fieldNames.comment]: `Bad ${payload}`, [fieldNames.performance(probed)]: '1', [fieldNames.probe(probed)]: `Slow ${payload}`, [fieldNames.complaint]: 'yes', 'probes-shown': '1' };
    pages.push(['thank-you page', await (await postForm(pipeline, answerPath, fields)).text()]);
    pages.push(['questionnaire page with stored answers', await (await pipeline.app.request(answerPath)).text()]);
    pages.push(['questionnaire page with errors', await (await postForm(pipeline, answerPath, { ...fields, score: payload })).text()]);
    await pipeline.drained();

    const escalation = (await inboxEmails(pipeline.inbox)).find((e) => e.subject.startsWith('Complaint'))!;
    pages.push(['escalation email', escalation.body.html!]);
    expect(escalation.body.html).toMatch(/Bad &(lt|quot|#39);/);
    const complaintPath = complaintPathIn(escalation);
    pages.push(['complaint page', await (await pipeline.app.request(complaintPath)).text()]);
    await pipeline.app.request(`${complaintPath}/acknowledge`, { method: 'POST' });
    await postForm(pipeline, `${complaintPath}/resolve`, { note: `Fixed ${payload}` });
    await pipeline.drained();
    const acknowledgement = (await inboxEmails(pipeline.inbox)).find((e) => e.subject.includes('looking into your complaint'))!;
    pages.push(['acknowledgement email', acknowledgement.body.html!]);

    await pipeline.jobs.sendDigests(new Date('2026-11-30T07:00:00Z'), { period: '2026-W48' });
    for (const digest of (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.includes('feedback 2026-W48'))) pages.push([`digest to ${digest.destination.to[0]}`, digest.body.html!]);
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const [where, html] of pages) expectInert(html, where);
  });
});
