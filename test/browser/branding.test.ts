import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { freePort } from '../support/free-port.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { useChromiumWithServer } from '../support/browser.ts';
import { demoConfig } from '../support/factories.ts';

const pipelines = usePipeline();
const chromium = useChromiumWithServer();

describe('the business’s pages carry its brand', () => {
  it('a page shows the logo served by the API, names the business in its title, and stays AA and phone-sized', async () => {
    const port = await freePort();
    const pipeline = await pipelines.start({ publicBaseUrl: `http://127.0.0.1:${port}` });
    chromium.serve({ fetch: pipeline.app.fetch, port, hostname: '127.0.0.1' });
    const logo = await fetch(`http://127.0.0.1:${port}/brand/logo`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');

    const context = await chromium.browser.newContext({ viewport: { width: 320, height: 640 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/unsubscribe/not-a-token`);
    expect(await page.title()).toBe(`This link cannot be used — ${demoConfig.businessName}`);
    const img = page.getByRole('banner').getByRole('img', { name: demoConfig.businessName });
    expect(await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const { scrollWidth, innerWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })')) as { scrollWidth: number; innerWidth: number };
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
