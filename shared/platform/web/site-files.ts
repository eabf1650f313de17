import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { ROUTES, toHonoPath } from './routes.ts';

/** Every page is someone's own (a questionnaire, a complaint): no crawler has anything to find. */
export const ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

export const FAVICON_PATH = '/favicon.ico';

// A 16×16 icon in the pages' blue (an ICO holding one PNG, 110 bytes): browsers ask for it on
// every page, and an answer beats a 404 in the logs.
const FAVICON_ICO = Buffer.from(
  'AAABAAEAEBAAAAEAIABYAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAAB9JREFUeNpj4I5Z+58SzDBqAKYBhMCoAfQwYDQlko4B2UluzyNwg+kAAAAASUVORK5CYII=',
  'base64',
);

/** Files every site is asked for, the same for everyone, so they may be cached for a day. */
export function registerSiteFiles(app: Hono<AppEnv>, logo?: { bytes: Uint8Array; contentType: string }): void {
  if (logo) {
    app.get(toHonoPath(ROUTES.brandLogo.path), (c) => {
      c.header('Content-Type', logo.contentType);
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(new Uint8Array(logo.bytes));
    });
  }
  app.get('/robots.txt', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.text(ROBOTS_TXT);
  });
  app.get(FAVICON_PATH, (c) => {
    c.header('Content-Type', 'image/x-icon');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(new Uint8Array(FAVICON_ICO));
  });
}
