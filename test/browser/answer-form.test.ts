import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { aContact, customerQuestionnaire } from '../support/factories.ts';
import { freePort } from '../support/free-port.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { storedResponseItem } from '../support/stored-responses.ts';
import { PHONE_USER_AGENT, useChromiumWithServer } from '../support/browser.ts';

const pipelines = usePipeline();
const chromium = useChromiumWithServer();

/** The local pipeline served on a real port, one customer invited; returns the answer page and the score links from the inbox. */
async function invitedCustomer(language = 'en') {
  const port = await freePort();
  const pipeline = await pipelines.start({ publicBaseUrl: `http://127.0.0.1:${port}` });
  chromium.serve({ fetch: pipeline.app.fetch, port, hostname: '127.0.0.1' });
  const { invitationEmail, answerUrl, invitation, askedValues } = await inviteCustomer(pipeline, aContact({ name: 'Ada <Lovelace>', language }));
  const html = invitationEmail.body.html!;
  const links = [...html.matchAll(/href="(http:\/\/127\.0\.0\.1:\d+\/q\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  expect(links).toHaveLength(11);
  // The first asked value with a probe (every pair of neighbouring values has one).
  const probed = customerQuestionnaire.values.find((v) => askedValues.includes(v.id) && v.probe)!;
  return {
    pipeline,
    invitation,
    answerUrl,
    probed: { id: probed.id, label: probed.label.en!, probe: probed.probe!.text.en! },
    scoreLink: (score: number) => links[score]!,
    unsubscribeLink: /href="(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/[^"]+)"/.exec(html)![1]!,
  };
}

async function expectAccessible(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${state}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

/** How far the page is wider than the viewport: more than 0 means it scrolls sideways. */
const horizontalOverflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

async function newPage(javaScriptEnabled: boolean) {
  const context = await chromium.browser.newContext({ javaScriptEnabled, userAgent: PHONE_USER_AGENT, viewport: { width: 390, height: 844 } });
  return context.newPage();
}

describe('the questionnaire in Chromium', () => {
  it('with JavaScript: a score from the email, a probe revealed beside its low rating, a complaint, and the thank-you page', async () => {
    const { scoreLink, probed } = await invitedCustomer();
    const page = await newPage(true);
    await page.goto(scoreLink(4));
    expect(await page.textContent('.note')).toContain('Thank you for your score');
    expect(await page.locator('input[name="score"][value="4"]').isChecked()).toBe(true);
    await expectAccessible(page, 'form after one click');

    const probe = page.locator(`[data-probe-for="${probed.id}"]`);
    expect(await probe.isHidden()).toBe(true);
    await page.getByRole('group', { name: new RegExp(`${probed.label}: how well we did`) }).getByLabel('1').check();
    expect(await probe.isVisible()).toBe(true);
    await page.getByLabel(probed.probe).fill('Two weeks for a visit');
    await page.getByLabel("I'd like to make a complaint — please contact me").check();
    await expectAccessible(page, 'form with a probe shown');

    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.waitForURL(/\/q\//);
    expect(await page.locator('h1').textContent()).toBe('Thank you');
    expect(await page.textContent('body')).toContain('contact you about your complaint');
    await expectAccessible(page, 'thank-you page');
    await page.context().close();
  });

  it('a person’s click counts after two mail gateways fetched every score link: the page confirms it once it has been on screen a moment', async () => {
    const { pipeline, invitation, scoreLink } = await invitedCustomer();
    for (const agent of ['Mozilla/5.0 (compatible; Proofpoint URL Defense)', PHONE_USER_AGENT]) {
      for (let score = 0; score <= 10; score++) expect((await fetch(scoreLink(score), { headers: { 'user-agent': agent } })).status).toBe(200);
    }
    expect(await storedResponseItem(pipeline.table, invitation)).toBeUndefined();

    const page = await newPage(true);
    await page.goto(scoreLink(9));
    await expect.poll(async () => (await storedResponseItem(pipeline.table, invitation))?.['headlineScore'], { timeout: 10_000 }).toBe(9);
    expect(await storedResponseItem(pipeline.table, invitation)).toMatchObject({ confirmedBy: 'seen' });
    expect(await storedResponseItem(pipeline.table, invitation)).not.toHaveProperty('headlineHeld');
    await page.context().close();
  });

  it('a person who touches the page and closes the tab at once has still answered', async () => {
    const { pipeline, invitation, scoreLink } = await invitedCustomer();
    const page = await newPage(true);
    await page.goto(scoreLink(3));
    await page.locator('h1').click();
    await page.close();
    await expect.poll(async () => await storedResponseItem(pipeline.table, invitation), { timeout: 10_000 }).toMatchObject({ headlineScore: 3, confirmedBy: 'touched' });
    await page.context().close();
  });

  it('without JavaScript: the probe appears beside its low rating at once (CSS), one submit sends everything, and errors are listed and linked', async () => {
    const { answerUrl, probed } = await invitedCustomer();
    const page = await newPage(false);
    await page.goto(answerUrl);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('score: choose a score');

    await page.locator('input[name="score"][value="7"]').check();
    const probe = page.getByLabel(probed.probe);
    expect(await probe.isHidden()).toBe(true);
    await page.getByRole('group', { name: new RegExp(`${probed.label}: how well we did`) }).getByLabel('2').check();
    expect(await probe.isVisible()).toBe(true);
    await page.getByRole('group', { name: new RegExp(`${probed.label}: how well we did`) }).getByLabel('4').check();
    expect(await probe.isHidden()).toBe(true);
    await page.getByRole('group', { name: new RegExp(`${probed.label}: how well we did`) }).getByLabel('2').check();
    await probe.fill('Scratched the floor');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    expect(await page.locator('h1').textContent()).toBe('Thank you');
    await page.context().close();
  });

  // axe runs in the page, so these server-rendered states are scanned with JavaScript on.
  it('the error state, and a returning customer’s page with a probe answered, are accessible', async () => {
    const { answerUrl, probed } = await invitedCustomer();
    const page = await newPage(true);
    await page.goto(answerUrl);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('score: choose a score');
    await expectAccessible(page, 'form with an error');
    await page.locator('input[name="score"][value="7"]').check();
    await page.getByRole('group', { name: new RegExp(`${probed.label}: how well we did`) }).getByLabel('2').check();
    await page.getByLabel(probed.probe).fill('Late');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.goto(answerUrl);
    expect(await page.getByLabel(probed.probe).isVisible()).toBe(true);
    await expectAccessible(page, 'returning with a probe answered');
    await page.context().close();
  });

  for (const [width, language] of [[320, 'en'], [390, 'en'], [1280, 'en'], [320, 'es']] as const) {
    it(`at ${width} px in ${language}: the questionnaire and thank-you pages scroll only down, the 0–10 row stays one row with its end labels under the ends, and axe finds nothing`, async () => {
      const { scoreLink } = await invitedCustomer(language);
      const context = await chromium.browser.newContext({ userAgent: PHONE_USER_AGENT, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(scoreLink(10));
      const boxes = async (selector: string) => Promise.all((await page.locator(selector).all()).map(async (element) => (await element.boundingBox())!));
      const buttons = await boxes('.scale.headline label');
      const ends = await boxes('#q-score .ends span');
      const layout = {
        overflow: await horizontalOverflow(page),
        tops: [...new Set(buttons.map((b) => Math.round(b.y)))],
        narrowest: Math.min(...buttons.map((b) => b.width)),
        first: { left: buttons[0]!.x, right: buttons[0]!.x + buttons[0]!.width },
        last: { left: buttons.at(-1)!.x, right: buttons.at(-1)!.x + buttons.at(-1)!.width },
        ends: ends.map((b) => ({ left: b.x, right: b.x + b.width })),
      };
      expect(layout.overflow).toBeLessThanOrEqual(0);
      expect(layout.tops).toHaveLength(1);
      // WCAG 2.2 AA target size is 24 × 24 CSS px.
      expect(layout.narrowest).toBeGreaterThanOrEqual(24);
      expect(layout.ends).toHaveLength(2);
      expect(Math.abs(layout.ends[0]!.left - layout.first.left)).toBeLessThanOrEqual(2);
      expect(Math.abs(layout.ends[1]!.right - layout.last.right)).toBeLessThanOrEqual(2);
      await expectAccessible(page, `questionnaire at ${width} px`);

      await page.getByRole('button', { name: language === 'es' ? 'Enviar mis respuestas' : 'Send my answers' }).click();
      expect(await page.locator('h1').textContent()).toBe(language === 'es' ? 'Gracias' : 'Thank you');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, `thank-you page at ${width} px`);
      await context.close();
    });
  }

  it('the invalid-link and unsubscribe pages are accessible too', async () => {
    const { scoreLink, unsubscribeLink } = await invitedCustomer();
    const page = await newPage(true);
    await page.goto(scoreLink(0).replace(/\.[^.?]+\?/, '.tampered?'));
    expect(await page.locator('h1').textContent()).toBe('This link cannot be used');
    await expectAccessible(page, 'invalid link');
    await page.goto(unsubscribeLink);
    await expectAccessible(page, 'unsubscribe confirmation');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    expect(await page.locator('h1').textContent()).toBe('You are unsubscribed');
    await page.context().close();
  });
});
