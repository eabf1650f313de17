import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import { isSuppressed } from '../../shared/people/suppression-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { aggregatePeriod } from '../../shared/digest/aggregate-period.ts';
import { readRollups } from '../../shared/digest/digest-store.ts';
import { exportPerson, forgetPerson } from '../../shared/people/person-data.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { postForm } from '../support/local-services.ts';
import { storedResponseItem } from '../support/stored-responses.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const COMMENT = 'My neighbour Jane Doe at 4 Elm Street saw the whole thing';
const pipelines = usePipeline({ now: () => now });
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';

async function customerWhoComplained() {
  const pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now });
  const { contact, invitation, answerPath } = await inviteCustomer(pipeline, aContact({ name: 'Ada Private', staffEmail: 'sam.reed@acme.example', departmentId: 'installations' }));
  const response = await postForm(pipeline, answerPath, { score: '2', [fieldNames.comment]: COMMENT, [fieldNames.complaint]: 'yes' });
  expect(response.status).toBe(200);
  await pipeline.drained();
  await aggregatePeriod(pipeline.table, customerQuestionnaire, '2026-W48');
  return { pipeline, contact, invitation, answerPath };
}

describe('privacy (DynamoDB Local)', () => {
  it('export-person returns everything held about the customer', async () => {
    const { pipeline, contact } = await customerWhoComplained();
    const exported = await exportPerson(pipeline.table, contact.email.toUpperCase(), now);
    expect(exported.contact).toMatchObject({ email: contact.email, name: 'Ada Private' });
    expect(exported.invitations).toHaveLength(1);
    expect(exported.responses).toEqual([expect.objectContaining({ headlineScore: 2, answers: expect.objectContaining({ comment: COMMENT }) })]);
    expect(exported.complaints).toEqual([expect.objectContaining({ customer: expect.objectContaining({ email: contact.email }) })]);
  });

  it('export-person shows the person’s data, without the table’s keys, index keys or write tokens', async () => {
    const { pipeline, contact } = await customerWhoComplained();
    const exported = await exportPerson(pipeline.table, contact.email, now);
    const fieldNamesIn = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(fieldNamesIn) : value && typeof value === 'object' ? Object.entries(value).flatMap(([key, inner]) => [key, ...fieldNamesIn(inner)]) : [];
    const internal = fieldNamesIn(exported).filter((key) => /^(pk|sk|gsi\d(pk|sk)|wt|kind)$/.test(key));
    expect(internal).toEqual([]);
    expect(JSON.stringify(exported)).not.toMatch(/(CONTACT|INVITATION|LINK|COMPLAINTS?|RESPONSES?)#/);
    expect(exported.invitations[0]).toMatchObject({ questionnaireId: customerQuestionnaire.id, waveId: '2026-W48' });
  });

  it('forget removes the personal data, keeps the anonymous score and the suppression entry, and can run twice', async () => {
    const { pipeline, contact, invitation } = await customerWhoComplained();
    const summary = await forgetPerson(pipeline.table, contact.email, now);
    expect(summary).toMatchObject({ contactDeleted: true, invitationsDeleted: 1, responsesAnonymised: 1, complaintsAnonymised: 1, rollupCommentsRemoved: 3 });

    const items = (await pipeline.table.db.send(new ScanCommand({ TableName: pipeline.table.name }))).Items ?? [];
    const everything = JSON.stringify(items);
    expect(everything).not.toContain('Ada Private');
    expect(everything).not.toContain('Jane Doe');
    // The suppression entry, and nothing else, still names the address.
    expect(items.filter((item) => JSON.stringify(item).includes(contact.email)).map((item) => item['kind'])).toEqual(['suppression']);
    expect(await isSuppressed(pipeline.table, contact.email)).toBe(true);

    const response = await storedResponseItem(pipeline.table, invitation);
    expect(response).toMatchObject({ headlineScore: 2, forgottenAt: now.toISOString() });
    expect((await getComplaint(pipeline.table, invitation.linkId))?.customer).toBeNull();

    await aggregatePeriod(pipeline.table, customerQuestionnaire, '2026-W48');
    const company = (await readRollups(pipeline.table, customerQuestionnaire.id, '2026-W48')).find((r) => r.segment === 'company')!;
    expect(company).toMatchObject({ responses: 1, detractors: 1, comments: [] });

    expect(await forgetPerson(pipeline.table, contact.email, now)).toMatchObject({ contactDeleted: false, invitationsDeleted: 0 });
  });

  it('after forget, the person’s old links do nothing: the neutral page, and nothing stored', async () => {
    const { pipeline, contact, invitation, answerPath } = await customerWhoComplained();
    const neutral = await (await pipeline.app.request('/q/not-a-token')).text();
    await forgetPerson(pipeline.table, contact.email, now);
    const before = await storedResponseItem(pipeline.table, invitation);

    for (const response of [
      await pipeline.app.request(`${answerPath}?score=9`, { headers: { 'user-agent': BROWSER } }),
      await pipeline.app.request(answerPath, { headers: { 'user-agent': BROWSER } }),
      await postForm(pipeline, answerPath, { score: '9', [fieldNames.comment]: 'Ada Private, 4 Elm Street, again' }, { 'user-agent': BROWSER }),
      await postForm(pipeline, answerPath, { score: '99', [fieldNames.comment]: 'Ada Private' }, { 'user-agent': BROWSER }),
      await postForm(pipeline, answerPath, { score: '9', 'one-click': 'touched' }, { 'user-agent': BROWSER }),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(neutral);
    }
    expect(await storedResponseItem(pipeline.table, invitation)).toEqual(before);
  });

  it('after forget, a link of an invitation never answered takes no answer either', async () => {
    const pipeline = await pipelines.start();
    const { contact, invitation, answerPath } = await inviteCustomer(pipeline, aContact({ name: 'Bea Quiet' }));
    await forgetPerson(pipeline.table, contact.email, now);
    const response = await postForm(pipeline, answerPath, { score: '3', [fieldNames.comment]: 'Bea Quiet wrote this', [fieldNames.complaint]: 'yes' }, { 'user-agent': BROWSER });
    expect(response.status).toBe(404);
    await pipeline.drained();
    const stored = await storedResponseItem(pipeline.table, invitation);
    expect(stored).not.toHaveProperty('headlineScore');
    expect(JSON.stringify(stored ?? {})).not.toContain('Bea Quiet');
    expect(await getComplaint(pipeline.table, invitation.linkId)).toBeUndefined();
  });

  it('raw responses carry an expiry (DynamoDB TTL) from the retention setting', async () => {
    const { pipeline, invitation } = await customerWhoComplained();
    expect((await storedResponseItem(pipeline.table, invitation))?.['expiresAt']).toBe(Math.floor(now.getTime() / 1000) + 730 * 86_400);
  });
});
