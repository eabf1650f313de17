import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Debian's Chromium (installed by `.ci/run`); tests never download a browser of their own. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A phone browser's user agent: headless Chromium's own says "HeadlessChrome", which the scanner rule holds. */
export const PHONE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Flags for a sandboxed CI machine with no network beyond loopback.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One Chromium for a test file, and the local server a test starts, closed after each test.
 * Call it after `usePipeline`: hooks registered later run first, so the server stops before
 * its pipeline.
 */
export function useChromiumWithServer(): { readonly browser: Browser; serve(options: Parameters<typeof serve>[0]): ServerType } {
  const state: { browser?: Browser; server?: ServerType | undefined } = {};
  beforeAll(async () => {
    state.browser = await launchChromium();
  });
  afterAll(async () => state.browser?.close());
  afterEach(async () => {
    const server = state.server;
    state.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return {
    get browser() {
      return state.browser!;
    },
    serve: (options) => (state.server = serve(options)),
  };
}
