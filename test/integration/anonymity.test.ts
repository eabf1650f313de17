import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { importStaff } from '../../shared/people/import-file.ts';
import { exportPerson, forgetPerson } from '../../shared/people/person-data.ts';
import { listComplaints } from '../../shared/complaints/complaint-store.ts';
import { readRollups } from '../../shared/digest/digest-store.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { ONE_CLICK_FIELD } from '../../shared/answering/one-click.ts';
import { getStaffMember } from '../../shared/people/directory-store.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import { demoConfig, demoQuestionnaires } from '../support/factories.ts';
import { buildReport } from '../../cli/report.ts';
import { signLink } from '../../shared/platform/tokens/link-token.ts';
import { invitationsOf } from '../../shared/invitations/invitation-store.ts';
import { answerPathIn, inboxEmails, postForm, type InboxEmail } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { readFileSync } from 'node:fs';
import { ANONYMOUS_COMPLAINT_THANKS, ANONYMOUS_NOTICE, groupNotice, staffConcernNotice } from '../../shared/questionnaires/anonymity-notice.ts';

let clock = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => clock });
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const STAFF_SUBJECT = 'How do our policies work for you?';
const OLA = 'ola.nowak@acme.example';
const SAM = 'sam.reed@acme.example';

async function scan(table: Table): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(new ScanCommand({ TableName: table.name, ConsistentRead: true, ...(cursor ? { ExclusiveStartKey: cursor } : {}) }));
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

/** Staff invited to the staff questionnaire, Ola and Sam answering it (Sam with a complaint), as admins would then look. */
async function staffAnswer() {
  clock = new Date('2026-11-23T10:00:00Z');
  const pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
  await pipeline.jobs.planWave();
  await pipeline.sendQueue.drained();
  const mail = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.includes(STAFF_SUBJECT));
  const to = (address: string) => mail.find((e) => e.destination.to[0] === address) as InboxEmail;
  const post = (email: InboxEmail, fields: Record<string, string>) => postForm(pipeline, answerPathIn(email), fields, { 'user-agent': BROWSER });
  expect((await post(to(OLA), { score: '4', [fieldNames.comment]: 'Rotas are posted too late' })).status).toBe(200);
  expect((await post(to(SAM), { score: '1', [fieldNames.comment]: 'My manager shouts at us', [fieldNames.complaint]: 'yes' })).status).toBe(200);
  await pipeline.drained();
  return { pipeline, to, post };
}

describe('anonymous staff questionnaires', () => {
  it('leave no stored item that both names a respondent and points at a response or complaint', async () => {
    const { pipeline } = await staffAnswer();
    const items = await scan(pipeline.table);
    const responses = items.filter((i) => String(i['pk']).startsWith('RESPONSE#staff-policies#'));
    const complaints = items.filter((i) => i['kind'] === 'complaint');
    expect(responses).toHaveLength(2);
    expect(complaints).toHaveLength(1);
    // What a response or complaint is known by: its key, and anything on it that looks like an id.
    const responseIds = [...responses, ...complaints].flatMap((i) => [String(i['sk']).replace(/^[A-Z]+#/, ''), String(i['pk']).replace(/^COMPLAINT#/, '')]).filter((id) => /^[A-Za-z0-9_-]{22}$/.test(id));
    expect(responseIds.length).toBeGreaterThanOrEqual(3);
    const invitations = items.filter((i) => i['kind'] === 'invitation' && String(i['sk']).startsWith('INVITATION#staff-policies#'));
    expect(invitations).toHaveLength(6);
    // Which values each was asked (the rotation) travels in their link only: stored, it would narrow down whose response is whose.
    const staffValues = ['tools', 'procedures', 'training', 'authority', 'information'];
    for (const invitation of invitations) expect(staffValues.filter((id) => JSON.stringify(invitation).includes(`"${id}"`)), String(invitation['sk'])).toEqual([]);
    const linkIds = invitations.map((i) => String(i['linkId']));
    const respondents = invitations.flatMap((i) => [String(i['email']), String(i['name'])]);
    for (const item of items) {
      const text = JSON.stringify(item);
      const namesSomeone = respondents.some((someone) => text.includes(someone));
      const pointsAtAResponse = responseIds.some((id) => text.includes(id));
      expect(namesSomeone && pointsAtAResponse, `${String(item['pk'])} / ${String(item['sk'])}`).toBe(false);
    }
    // Nor does a response or complaint carry an invitation's link id, or a time matching one.
    for (const item of [...responses, ...complaints]) for (const linkId of linkIds) expect(JSON.stringify(item)).not.toContain(linkId);
    for (const invitation of invitations) expect(Object.keys(invitation).filter((k) => /answer/i.test(k))).toEqual(invitation['answered'] ? ['answered'] : []);
    expect(invitations.filter((i) => i['answered'] === true)).toHaveLength(2);
    // Nor any send time finer than the day, nor SES's message id (it begins with a timestamp), to match with answer times.
    for (const invitation of invitations) {
      expect(invitation['sentAt']).toBe('2026-11-23T00:00:00.000Z');
      expect(invitation).not.toHaveProperty('sesMessageId');
    }
  });

  it('tell an admin using export-person, complaints, digests and rollups only who was invited and who answered', async () => {
    const { pipeline } = await staffAnswer();
    for (const email of [OLA, SAM]) {
      const exported = JSON.stringify(await exportPerson(pipeline.table, email, clock));
      expect(exported).not.toMatch(/Rotas are posted|shouts at us|headlineScore|linkId|ANON#/);
      const person = await exportPerson(pipeline.table, email, clock);
      expect(person.responses).toEqual([]);
      expect(person.complaints).toEqual([]);
      expect(person.anonymousQuestionnaires).toEqual([{ questionnaireId: 'staff-policies', waveId: '2026-W48', audience: 'staff', anonymous: true, invited: true, answered: true }]);
    }
    const [complaint, ...others] = await listComplaints(pipeline.table);
    expect(others).toEqual([]);
    expect(complaint).toMatchObject({ customer: null, staffEmail: null, departmentId: null, audience: 'staff', ownerEmail: demoConfig.complaintHandling.headOfServiceEmail });
    expect(JSON.stringify(complaint)).not.toMatch(/ola\.nowak|sam\.reed/);

    clock = new Date('2026-11-30T08:00:00Z');
    await pipeline.jobs.sendDigests(clock, { period: '2026-W48' });
    const staffQuestionnaire = demoQuestionnaires.find((q) => q.id === 'staff-policies')!;
    const report = await buildReport(pipeline.table, demoConfig, staffQuestionnaire, '2026-W48', { kind: 'company', name: 'Acme' });
    expect(JSON.stringify(report)).not.toMatch(/ola\.nowak|sam\.reed|Ola Nowak|Sam Reed|installations|customer-care/i);
    expect(await buildReport(pipeline.table, demoConfig, staffQuestionnaire, '2026-W48', { kind: 'department', id: 'customer-care', name: 'Customer care' })).toBeUndefined();
    const rollups = await readRollups(pipeline.table, 'staff-policies', '2026-W48');
    // Two departments with one respondent each: below the minimum, so only the company figure, with both comments.
    expect(rollups.map((r) => r.segment)).toEqual(['company']);
    expect(rollups[0]).toMatchObject({ responses: 2 });
    expect(rollups[0]!.comments.map((c) => c.text).sort()).toEqual(['My manager shouts at us', 'Rotas are posted too late']);
    const digests = (await inboxEmails(pipeline.inbox)).filter((e) => !e.subject.includes(STAFF_SUBJECT));
    for (const digest of digests) expect(digest.body.text ?? '').not.toMatch(/Ola Nowak|Sam Reed.*(4|1)\b/);
  });

  it('send staff feedback to the head of service, worded as staff feedback, without a department too small to report', async () => {
    const { pipeline } = await staffAnswer();
    const mail = await inboxEmails(pipeline.inbox);
    const manager = mail.filter((e) => e.destination.to[0] === 'priya.shah@acme.example' && !e.subject.includes(STAFF_SUBJECT));
    expect(manager).toEqual([]);
    const [feedback] = mail.filter((e) => e.destination.to[0] === demoConfig.complaintHandling.headOfServiceEmail && e.subject.startsWith('Staff feedback'));
    expect(feedback!.subject).toBe('Staff feedback: anonymous (department not reported)');
    expect(feedback!.body.text).toContain('Anonymous staff feedback raises a concern');
    expect(feedback!.body.text).not.toMatch(/A customer|Installations|Served by/);
    expect(feedback!.body.text).toContain('My manager shouts at us');
  });

  it('count one answer per invitation when the first email and the reminder are both used', async () => {
    const { pipeline, to, post } = await staffAnswer();
    clock = new Date('2026-11-30T10:00:00Z');
    await pipeline.jobs.sendReminders();
    await pipeline.sendQueue.drained();
    const reminders = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.startsWith('Reminder'));
    expect(reminders.map((e) => e.destination.to[0]).sort()).not.toContain(OLA);
    const jo = reminders.find((e) => e.destination.to[0] === 'jo.kim@acme.example')!;
    expect((await post(jo, { score: '3' })).status).toBe(200);
    expect((await post(to('jo.kim@acme.example'), { score: '5' })).status).toBe(200);
    const scores = (await scan(pipeline.table)).filter((i) => String(i['pk']) === 'RESPONSE#staff-policies#2026-W48').map((i) => i['headlineScore']);
    expect(scores.sort()).toEqual([1, 3, 4]);
  });

  it('are forgotten for staff as for customers', async () => {
    const { pipeline } = await staffAnswer();
    const summary = await forgetPerson(pipeline.table, OLA, clock);
    expect(summary).toMatchObject({ staffProfileDeleted: true, invitationsDeleted: 1 });
    expect(await getStaffMember(pipeline.table, OLA)).toBeUndefined();
    expect(JSON.stringify(await scan(pipeline.table))).not.toMatch(/Ola Nowak/);
  });

  it('tell staff, in the email and on the page, what the README says is stored, in the same words', async () => {
    const { pipeline, to, post } = await staffAnswer();
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    for (const words of [ANONYMOUS_NOTICE, groupNotice(), staffConcernNotice(), ANONYMOUS_COMPLAINT_THANKS]) expect(readme).toContain(words);
    const email = to(OLA);
    expect(email.body.text!.replace(/\s+/g, ' ')).toContain(`${ANONYMOUS_NOTICE} ${groupNotice()} ${staffConcernNotice()}`);
    const page = await (await pipeline.app.request(answerPathIn(email))).text();
    expect(page).toContain(ANONYMOUS_NOTICE.replace(/'/g, '&#39;').slice(0, 60));
    const thanks = await (await post(to('jo.kim@acme.example'), { score: '1', [fieldNames.complaint]: 'yes' })).text();
    expect(thanks).toContain(ANONYMOUS_COMPLAINT_THANKS);
    expect(thanks).not.toContain('will contact you');
  });

  it('upgrade a link sent before response ids to one with a fresh response id, so its answer is stored unlinked too', async () => {
    const { pipeline } = await staffAnswer();
    const [invitation] = await invitationsOf(pipeline.table, 'jo.kim@acme.example');
    const oldToken = signLink(
      { purpose: 'answer', linkId: invitation!.linkId, expiresAt: Math.floor(clock.getTime() / 1000) + 86_400, scope: { questionnaireId: 'staff-policies', waveId: '2026-W48', language: 'en' } },
      'test-secret-'.padEnd(40, 'x'),
    );
    const opened = await pipeline.app.request(`/q/${oldToken}?score=2`, { headers: { 'user-agent': BROWSER } });
    expect(opened.status).toBe(303);
    const location = opened.headers.get('location')!;
    expect(location).toMatch(/^\/q\/v2\.[^?]*~[A-Za-z0-9_-]{22}\.[^?]+\?score=2$/);
    expect((await pipeline.app.request(location, { headers: { 'user-agent': BROWSER } })).status).toBe(200);
    // The page's script confirms the score (a GET records nothing).
    const confirm = new URLSearchParams({ [fieldNames.headline]: '2', [ONE_CLICK_FIELD]: 'touched' });
    const confirmed = await pipeline.app.request(location.split('?')[0]!, { method: 'POST', body: confirm, headers: { 'user-agent': BROWSER, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(confirmed.status).toBe(204);
    const items = await scan(pipeline.table);
    const stored = items.filter((i) => String(i['pk']) === 'RESPONSE#staff-policies#2026-W48');
    expect(stored.map((i) => i['headlineScore']).sort()).toEqual([1, 2, 4]);
    for (const item of stored) expect(JSON.stringify(item)).not.toContain(invitation!.linkId);
  });
});
