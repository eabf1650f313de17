import { describe, expect, it } from 'vitest';
import { getComplaint } from '../../shared/complaints/complaint-store.ts';
import { responseFromItem } from '../../shared/answering/response-store.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { linkPath, postForm } from '../support/local-services.ts';
import { storedResponseItems } from '../support/stored-responses.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { formatDate } from '../../shared/platform/language/languages.ts';
import { pageQuestionCount } from '../../shared/questionnaires/value-rotation.ts';

const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
let clock = new Date('2026-11-23T09:00:00Z');
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const pipelines = usePipeline({ now: () => clock });

/** A pipeline with one customer invited; returns the answer path and the score links. */
async function invited(contact = aContact({ staffEmail: 'sam.reed@acme.example', departmentId: 'installations' })) {
  clock = new Date('2026-11-23T09:00:00Z');
  const pipeline = await pipelines.start();
  const { invitationEmail, answerPath, askedValues } = await inviteCustomer(pipeline, contact);
  const scoreLink = (score: number) => linkPath(invitationEmail.body.text!, '/q/').replace(/score=\d+$/, `score=${score}`);
  return { pipeline, contact, path: answerPath, scoreLink, asked: askedValues };
}

const responses = () => storedResponseItems(pipelines.current.table, 'customer-service', '2026-W48');
async function complaints() {
  const linkId = ((await responses())[0]?.['sk'] as string | undefined)?.slice('LINK#'.length);
  const complaint = linkId ? await getComplaint(pipelines.current.table, linkId) : undefined;
  return complaint ? [complaint] : [];
}
const get = (path: string) => pipelines.current.app.request(path, { headers: { 'user-agent': BROWSER } });
const post = (path: string, fields: Record<string, string>) => postForm(pipelines.current, path, fields, { 'user-agent': BROWSER });

const SCANNER = 'Mozilla/5.0 (compatible; Proofpoint URL Defense)';
/** What the answer page's script sends once the page stayed visible (`seen`) or was touched. */
const confirm = (path: string, score: number, evidence: 'seen' | 'touched' = 'seen', agent = BROWSER) =>
  pipelines.current.app.request(path, { method: 'POST', body: new URLSearchParams({ score: String(score), 'one-click': evidence }), headers: { 'user-agent': agent } });
/** A mail gateway fetching every score link of the message, as scanners do on delivery. */
async function gatewayFetchesEveryLink(scoreLink: (score: number) => string, agent: string) {
  for (let score = 0; score <= 10; score++) {
    expect((await pipelines.current.app.request(scoreLink(score), { headers: { 'user-agent': agent } })).status).toBe(200);
    advance(100);
  }
}
/** A scanner that opens every score link in a real browser, which runs the page's script. */
async function browserScannerOpensEveryLink(path: string, { gapMs = 100, agent = BROWSER } = {}) {
  for (let score = 0; score <= 10; score++) {
    expect((await confirm(path, score, 'seen', agent)).status).toBe(204);
    advance(gapMs);
  }
}
/** A person opening a score link: the page shows it selected, and its script confirms it. */
async function personClicks(scoreLink: (score: number) => string, path: string, score: number, evidence: 'seen' | 'touched' = 'seen') {
  const page = await (await get(scoreLink(score))).text();
  expect(page).toContain(`data-one-click="${score}"`);
  expect((await confirm(path, score, evidence)).status).toBe(204);
}
const counted = async () => {
  const [stored] = await responses();
  return stored && stored['headlineHeld'] === undefined ? stored['headlineScore'] : undefined;
};

describe('one click from the email', () => {
  it('opening a score link shows the form with it selected and records nothing; the page’s confirmation counts it', async () => {
    const { scoreLink, path } = await invited();
    const page = await get(scoreLink(9));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/name="score" value="9" checked/);
    expect(html).toContain('Thank you for your score');
    expect(await responses()).toEqual([]);

    advance(2_000);
    expect((await confirm(path, 9)).status).toBe(204);
    expect(await responses()).toEqual([expect.objectContaining({ headlineScore: 9, headlineSource: 'one-click', confirmedBy: 'seen' })]);
    expect((await responses())[0]).not.toHaveProperty('headlineHeld');
  });

  it('a person’s click counts after two mail gateways fetched every score link, one as a scanner and one as a browser', async () => {
    const { scoreLink, path } = await invited();
    await gatewayFetchesEveryLink(scoreLink, SCANNER);
    await gatewayFetchesEveryLink(scoreLink, BROWSER);
    expect(await responses()).toEqual([]);
    advance(30_000);
    await personClicks(scoreLink, path, 9);
    expect(await counted()).toBe(9);
  });

  it('no amount of bot traffic exhausts an invitation: after hundreds of fetches and browser-scanner bursts, a person’s click still counts', async () => {
    const { scoreLink, path } = await invited();
    for (let round = 0; round < 10; round++) await gatewayFetchesEveryLink(scoreLink, round % 2 ? BROWSER : SCANNER);
    for (let round = 0; round < 4; round++) {
      await browserScannerOpensEveryLink(path, { agent: round % 2 ? BROWSER : SCANNER });
      advance(15_000);
    }
    expect(await counted()).toBeUndefined();
    advance(30_000);
    await personClicks(scoreLink, path, 7);
    expect(await counted()).toBe(7);
    const [stored] = await responses();
    // One time per score is kept, however many fetches: the item stays small.
    expect(Object.keys(stored!['recentClicks'] as object).length).toBeLessThanOrEqual(11);
  });

  it('bot traffic after a person’s click never overwrites their score', async () => {
    const { scoreLink, path } = await invited();
    await personClicks(scoreLink, path, 8, 'touched');
    advance(1_000);
    await browserScannerOpensEveryLink(path);
    await browserScannerOpensEveryLink(path, { agent: SCANNER });
    await gatewayFetchesEveryLink(scoreLink, BROWSER);
    expect(await counted()).toBe(8);

    // A score confirmed only by the page staying open is just as safe from a later burst.
    const other = await invited();
    await personClicks(other.scoreLink, other.path, 6);
    advance(30_000);
    await browserScannerOpensEveryLink(other.path);
    await browserScannerOpensEveryLink(other.path, { gapMs: 3_000 });
    expect(await counted()).toBe(6);

    // A submitted form is final for one-click scores, even a touched one.
    const third = await invited();
    expect((await post(third.path, { score: '4' })).status).toBe(200);
    await browserScannerOpensEveryLink(third.path);
    expect((await confirm(third.path, 10, 'touched')).status).toBe(204);
    expect(await responses()).toEqual([expect.objectContaining({ headlineScore: 4, headlineSource: 'form' })]);
  });

  it('a scanner opening every score link in a browser is held, its first score too, and opens no complaint', async () => {
    const { path } = await invited();
    await browserScannerOpensEveryLink(path, { gapMs: 3_000 });
    expect(await responses()).toEqual([expect.objectContaining({ headlineHeld: 'several-scores' })]);
    expect(await complaints()).toEqual([]);
    // The person opening the plain link is not offered the scanner's score as theirs.
    expect(await (await get(path)).text()).not.toMatch(/name="score" value="\d+" checked/);

    advance(60_000);
    expect((await post(path, { score: '8' })).status).toBe(200);
    const [stored] = await responses();
    expect(stored).toMatchObject({ headlineScore: 8, headlineSource: 'form' });
    expect(stored).not.toHaveProperty('headlineHeld');
  });

  it('a scanner opening every score link at once, in parallel, is held: confirmations are applied one at a time', async () => {
    const { path } = await invited();
    // Two scanners at once: every score twice.
    const statuses = await Promise.all(Array.from({ length: 22 }, (_, i) => Promise.resolve(confirm(path, i % 11)).then((r) => r.status)));
    expect(statuses).toEqual(Array(22).fill(204));
    const [stored] = await responses();
    expect(stored).toMatchObject({ headlineHeld: 'several-scores' });
    expect(Object.keys(stored!['recentClicks'] as object)).toHaveLength(11);
  });

  it('a known scanner’s user agent is held; a HEAD records nothing', async () => {
    const { pipeline, scoreLink, path } = await invited();
    await pipeline.app.request(scoreLink(10), { method: 'HEAD', headers: { 'user-agent': BROWSER } });
    expect(await responses()).toEqual([]);
    await confirm(path, 0, 'touched', 'Mozilla/5.0 (compatible; Barracuda Sentinel)');
    expect(await responses()).toEqual([expect.objectContaining({ headlineScore: 0, headlineHeld: 'scanner-agent' })]);
    expect(await complaints()).toEqual([]);
  });

  it('a confirmation that is not a score on the scale, or says nothing of what the page saw, is refused and records nothing', async () => {
    const { path } = await invited();
    for (const body of [{ score: '11', 'one-click': 'seen' }, { score: '5', 'one-click': 'guessed' }, { score: '5', 'one-click': 'seen', comment: 'x' }] as Array<Record<string, string>>) {
      const response = await pipelines.current.app.request(path, { method: 'POST', body: new URLSearchParams(body), headers: { 'user-agent': BROWSER } });
      expect(response.status).toBe(400);
    }
    expect(await responses()).toEqual([]);
  });
});

describe('submitting the questionnaire', () => {
  const fullAnswers = (value: string) => ({
    score: '9',
    [fieldNames.importance(value)]: '5',
    [fieldNames.performance(value)]: '4',
    [fieldNames.competitor(value)]: 'dk',
    [fieldNames.standard('called-by-name')]: 'yes',
    [fieldNames.comparison]: 'better',
    [fieldNames.comment]: 'Great <b>service</b>',
  });

  it('stores the answers under the invitation, without identity or attribution; a double submit counts once', async () => {
    const { path, asked } = await invited();
    const value = asked[0]!;
    expect((await post(path, fullAnswers(value))).status).toBe(200);
    const second = await post(path, { ...fullAnswers(value), score: '10' });
    expect(await second.text()).toContain('Thank you');
    const stored = await responses();
    expect(stored).toHaveLength(1);
    // Stored from the signed link alone: who answered, and who served them, are joined from
    // the invitation only when the period is aggregated.
    expect(JSON.stringify(stored[0])).not.toContain('@');
    const tokenParts = path.split('/q/')[1]!.split('.');
    expect(stored[0]).toMatchObject({ headlineScore: 10, sk: `LINK#${tokenParts[tokenParts.indexOf('answer') + 1]}` });
    expect(responseFromItem(stored[0]!)).toMatchObject({
      answers: { values: { [value]: { importance: 5, performance: 4, competitor: 'dk' } }, standards: { 'called-by-name': true }, comparison: 'better', comment: 'Great <b>service</b>', complaintRequested: false },
    });
    // Returning to the link shows what was sent, escaped.
    const again = await (await get(path)).text();
    expect(again).toContain('Great &lt;b&gt;service&lt;/b&gt;');
    expect(again).toMatch(/name="score" value="10" checked/);
  });

  it.each([
    ['an out-of-range score', { score: '11' }, 'score: must be from 0 to 10'],
    ['a missing headline score', { [fieldNames.comment]: 'hi' }, 'score: choose a score'],
    ['an unknown field', { score: '5', favourite: 'blue' }, 'favourite: is not a question of this questionnaire'],
    ['a comment over 5,000 characters', { score: '5', [fieldNames.comment]: 'x'.repeat(5001) }, 'comment: must be at most 5,000 characters'],
  ] as Array<[string, Record<string, string>, string]>)('refuses %s with a 400 naming the field, keeps the input, and writes nothing', async (_name, fields, message) => {
    const { path } = await invited();
    const response = await post(path, fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    if (fields[fieldNames.comment] === 'hi') expect(html).toContain('>hi</textarea>');
    expect(await responses()).toEqual([]);
  });

  it('refuses a rating of 6, and any rating of a value the link did not ask, with a 400 naming the field, and writes nothing', async () => {
    const { path, asked } = await invited();
    expect(asked).toHaveLength(2);
    const rating6 = await post(path, { score: '5', [fieldNames.performance(asked[0]!)]: '6' });
    expect(rating6.status).toBe(400);
    expect(await rating6.text()).toContain(`performance-${asked[0]}: must be a whole number from 1 to 5`);
    const other = customerQuestionnaire.values.find((v) => !asked.includes(v.id))!.id;
    const notAsked = await post(path, { score: '5', [fieldNames.importance(other)]: '4' });
    expect(notAsked.status).toBe(400);
    expect(await notAsked.text()).toContain(`importance-${other}: is not a question of this questionnaire`);
    expect(await responses()).toEqual([]);
  });

  it('the page asks only the values its link names: 2 of the 10 by default', async () => {
    const { path, asked } = await invited();
    expect(asked).toHaveLength(2);
    const html = await (await get(path)).text();
    const rated = [...new Set([...html.matchAll(/name="performance-([a-z-]+)"/g)].map((m) => m[1]))];
    expect(rated).toEqual(asked);
    expect(new Set(html.match(/name="(importance|competitor)-[a-z-]+"/g))).toEqual(new Set(asked.flatMap((id) => [`name="importance-${id}"`, `name="competitor-${id}"`])));
  });

  it('refuses a body over the size limit before parsing it', async () => {
    const { path } = await invited();
    const response = await post(path, { score: '5', [fieldNames.comment]: 'x'.repeat(70_000) });
    expect(response.status).toBe(413);
    expect(await responses()).toEqual([]);
  });

  it('tampered, expired and foreign links get the same 404 and write nothing', async () => {
    const { path, scoreLink } = await invited();
    const expected = await (await get('/q/not-a-token')).text();
    const tampered = path.replace(/\.[^.]+$/, '.AAAA');
    const foreign = path.replace(/answer\.[A-Za-z0-9_-]{22}/, 'answer.BBBBBBBBBBBBBBBBBBBBBB');
    for (const candidate of [tampered, foreign]) {
      for (const response of [await get(candidate), await post(candidate, { score: '1' })]) {
        expect(response.status).toBe(404);
        expect(await response.text()).toBe(expected);
      }
    }
    advance(31 * 86_400_000);
    const expired = await get(scoreLink(3));
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe(expected);
    expect(await responses()).toEqual([]);
  });
});

describe('complaints and probes', () => {
  it('a ticked complaint, or a headline at or below the threshold, opens one complaint however often it is sent', async () => {
    const { path } = await invited();
    await post(path, { score: '8', [fieldNames.complaint]: 'yes' });
    await post(path, { score: '2', [fieldNames.complaint]: 'yes' });
    const opened = await complaints();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ state: 'open', reasons: ['requested'], staffEmail: 'sam.reed@acme.example', departmentId: 'installations' });
  });

  it('a low headline alone is a complaint; a good one is not', async () => {
    const { path } = await invited();
    await post(path, { score: '7' });
    expect(await complaints()).toEqual([]);
    await post(path, { score: '3' });
    expect(await complaints()).toEqual([expect.objectContaining({ reasons: ['low-headline'] })]);
  });

  it('a probe sits beside its value and is sent with the one form: a low rating and its probe are stored in one submit, with no second step', async () => {
    const { path, asked } = await invited();
    const value = asked.find((id) => customerQuestionnaire.values.find((v) => v.id === id)?.probe)!;
    const html = await (await get(path)).text();
    // The probe follows its performance rating inside the value's fieldset, and the low ratings are marked for the CSS that reveals it.
    const fieldset = new RegExp(`<fieldset id="q-${value}"[^]*?</fieldset>`).exec(html)![0];
    expect(fieldset).toMatch(/name="performance-[a-z-]+" value="1"[^>]*data-low[^]*name="performance-[a-z-]+" value="3"(?![^>]*data-low)[^]*data-probe-for/);
    const done = await post(path, { score: '6', [fieldNames.performance(value)]: '1', [fieldNames.probe(value)]: 'Waited two weeks' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('<h1>Thank you</h1>');
    expect(responseFromItem((await responses())[0]!)).toMatchObject({ answers: { probes: { [value]: 'Waited two weeks' } } });
  });
});

describe('a short page, and a thank-you page that closes the loop', () => {
  it('after the one click the default page asks at most 12 questions in one step, and says it takes about a minute', async () => {
    const { scoreLink, asked } = await invited();
    const html = await (await get(scoreLink(8))).text();
    const questions = new Set([...html.matchAll(/<(?:input|textarea)[^>]*name="([a-z0-9-]+)"/g)].map((m) => m[1]!).filter((name) => !name.startsWith('probe-') && name !== fieldNames.complaint));
    expect(questions.size).toBe(pageQuestionCount(customerQuestionnaire, asked.length));
    expect(questions.size).toBeLessThanOrEqual(12);
    expect(html).toContain('About 1 minute');
    expect(html).not.toMatch(/step \d+ of/i);
    // The competitor is asked by name.
    expect(html).toContain('How well does BrightFix do?');
  });

  it('says until when the answers can be changed (the link\'s expiry), and offers promoters, only them, the review link', async () => {
    const { path } = await invited();
    const promoter = await (await post(path, { score: '9' })).text();
    expect(promoter).toContain('You can change them from the same link until 23 December.');
    expect(promoter).toContain(`href="${customerQuestionnaire.reviewUrl}"`);
    const passive = await (await post(path, { score: '8' })).text();
    expect(passive).toContain('Thank you');
    expect(passive).not.toContain(customerQuestionnaire.reviewUrl!);
  });

  it('tells a customer who asked to be contacted who will contact them (their department\'s manager, by role) and by when (the acknowledgement deadline)', async () => {
    const { pipeline, path } = await invited();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const html = await (await post(path, { score: '9', [fieldNames.complaint]: 'yes' })).text();
    const [complaint] = await complaints();
    const by = formatDate(complaint!.acknowledgeBy, 'en', 'Europe/London', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    expect(html).toContain(`The manager of Installations will contact you about your complaint by ${by}.`);
    expect(html).not.toContain('priya.shah');
    expect(html).not.toContain(customerQuestionnaire.reviewUrl!);
  });
});
