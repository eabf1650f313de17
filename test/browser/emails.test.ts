import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from '../support/browser.ts';
import { sampleAcknowledgement, sampleDigest, sampleEscalation, sampleInvitation } from '../support/sample-emails.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

const WIDTHS = [320, 390, 1280];

/** The email as a phone shows it: its HTML at the given viewport width, on a mobile browser (with scripting on only because axe runs as a script; the emails have none). */
async function opened(html: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, isMobile: width < 600, hasTouch: width < 600 });
  const page = await context.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/** Laid out at the phone's own width (without a viewport tag a phone lays out at 980 px and shrinks it), and nothing wider. */
async function expectNoSidewaysScroll(page: Page, width: number) {
  // A string, evaluated in the page: this project's TypeScript has no DOM types.
  const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')) as { scrollWidth: number; innerWidth: number };
  expect(innerWidth).toBe(width);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

describe('emails on a phone and on a desktop, in Chromium', () => {
  const emails = { invitation: () => sampleInvitation(), 'Spanish invitation': () => sampleInvitation('es'), escalation: sampleEscalation, acknowledgement: sampleAcknowledgement, digest: sampleDigest };

  for (const [name, render] of Object.entries(emails)) {
    it.each(WIDTHS)(`the ${name} lays out at %i px with no sideways scroll, and axe finds nothing`, async (width) => {
      const page = await opened(render().html, width);
      await expectNoSidewaysScroll(page, width);
      await expectAccessible(page, `${name} at ${width}px`);
      await page.context().close();
    });
  }

  it.each(WIDTHS)('the invitation keeps 0–10 on one row at %i px, graded red to green, with the end labels under the ends', async (width) => {
    const page = await opened(sampleInvitation().html, width);
    const buttons = page.locator('a[href*="score="]');
    expect(await buttons.count()).toBe(11);
    const boxes = await Promise.all((await buttons.all()).map((b) => b.boundingBox()));
    expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
    for (const box of boxes) expect(box!.width).toBeGreaterThanOrEqual(20);
    const low = await page.getByText('Not at all likely', { exact: true }).boundingBox();
    const high = await page.getByText('Extremely likely', { exact: true }).boundingBox();
    expect(low!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
    expect(Math.abs(low!.x - boxes[0]!.x)).toBeLessThan(8);
    expect(Math.abs(high!.x + high!.width - (boxes[10]!.x + boxes[10]!.width))).toBeLessThan(8);
    const fills = await Promise.all((await buttons.all()).map(async (b) => /background:#(\w{2})(\w{2})(\w{2})/.exec((await b.getAttribute('style')) ?? '')!.slice(1).map((hex) => parseInt(hex, 16))));
    const [red, green] = [fills[0]!, fills[10]!];
    expect(red[0]).toBeGreaterThan(red[1]! + 40);
    expect(green[1]).toBeGreaterThan(green[0]! + 40);
    await page.context().close();
  });

  it('the invitation has a viewport tag and a hidden preheader that the inbox shows as its preview', async () => {
    const page = await opened(sampleInvitation().html, 390);
    expect(await page.locator('meta[name="viewport"]').getAttribute('content')).toContain('width=device-width');
    const preheader = page.locator('body > div').first();
    expect(await preheader.textContent()).toContain('How likely');
    expect(await preheader.isHidden()).toBe(true);
    await page.context().close();
  });
});
