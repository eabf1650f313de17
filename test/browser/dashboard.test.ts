import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { seedDemoData, seedDemoHistory, DEMO_HISTORY_WEEKS } from '../../local/demo-data.ts';
import { openComplaint } from '../../shared/complaints/complaint-store.ts';
import { newLinkId } from '../../shared/platform/tokens/link-token.ts';
import { signDashboardToken } from '../../shared/dashboard/dashboard-scope.ts';
import { customerQuestionnaire, demoConfig } from '../support/factories.ts';
import { freePort } from '../support/free-port.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { launchChromium } from '../support/browser.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const SECRET = 'browser-dashboard-secret-'.padEnd(48, 'q');
const pipelines = usePipeline({ now: () => NOW, linkSecret: SECRET }, { per: 'file' });
let browser: Browser;
let server: ServerType;
let origin: string;
let complaintId: string;

beforeAll(async () => {
  browser = await launchChromium();
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const pipeline = await pipelines.start({ publicBaseUrl: origin });
  await seedDemoData(pipeline.table, NOW);
  await seedDemoHistory(pipeline.table, customerQuestionnaire, { now: NOW, timeZone: demoConfig.timeZone, headOfServiceEmail: demoConfig.complaintHandling.headOfServiceEmail });
  complaintId = newLinkId();
  await openComplaint(pipeline.table, {
    id: complaintId,
    questionnaireId: customerQuestionnaire.id,
    waveId: '2026-W47',
    reasons: ['low-headline'],
    customer: { email: 'c@customer.example', name: 'Cara <Customer>', language: 'en' },
    staffEmail: 'sam.reed@acme.example',
    departmentId: 'installations',
    ownerEmail: 'priya.shah@acme.example',
    createdAt: '2026-11-18T10:00:00.000Z',
    acknowledgeBy: '2026-11-18T14:00:00.000Z',
    resolveBy: '2026-11-20T17:00:00.000Z',
  });
  server = serve({ fetch: pipeline.app.fetch, port, hostname: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function expectAccessible(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${state}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

async function noHorizontalScroll(page: Page, state: string) {
  // A string, so the browser's globals need no DOM types here.
  const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
  expect(scrollWidth, state).toBeLessThanOrEqual(clientWidth);
}

describe('the dashboard in Chromium', () => {
  it('shows the overview’s chart and its table with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/dashboard/${signDashboardToken({ kind: 'company' }, SECRET, { now: NOW })}`);
    expect(await page.locator('svg[data-chart="headline"] circle').count()).toBe(DEMO_HISTORY_WEEKS);
    // The table, like the chart, starts at the first week with answers.
    expect(await page.locator('details table tbody tr').count()).toBe(DEMO_HISTORY_WEEKS);
    await context.close();
  });

  // The pages carry no script; axe needs one in the page to run, so these contexts allow it.
  it.each([390, 1280])('at %i px: the overview shows the trend chart, every page passes axe, and nothing scrolls sideways', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const base = `${origin}/dashboard/${signDashboardToken({ kind: 'company' }, SECRET, { now: NOW })}`;
    await page.goto(base);
    const chart = page.locator('svg[data-chart="headline"]');
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('circle').count()).toBe(DEMO_HISTORY_WEEKS);
    expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(width);
    expect(await page.getByRole('img', { name: /NPS per period/ }).count()).toBe(1);
    await noHorizontalScroll(page, `overview at ${width}`);
    await expectAccessible(page, `overview at ${width}`);
    for (const path of ['/values', '/standards', '/staff', '/complaints?filter=all', '/comments?max=6', `/complaints/${complaintId}`, `?segment=${encodeURIComponent('dept:installations')}`]) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      await noHorizontalScroll(page, `${path} at ${width}`);
      await expectAccessible(page, `${path} at ${width}`);
    }
    expect(await page.locator('text=Cara <Customer>').count()).toBe(0);
    await page.goto(`${base}/complaints/${complaintId}`);
    expect(await page.textContent('dd')).toBe('Cara <Customer> <c@customer.example>');
    expect(await page.textContent('main')).toContain('Low score');
    await context.close();
  }, 120_000);
});
