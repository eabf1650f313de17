import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env.ts';
import { ROUTES, toHonoPath } from './routes.ts';
import { securityHeadersAllowingImagesFrom } from './security-headers.ts';
import { pageBrand } from './layout.tsx';
import type { EmailBrand } from '../mail/email-frame.tsx';
import { registerSiteFiles } from './site-files.ts';
import { BadRequestPage, NotFoundPage, readerLanguage, ServerErrorPage } from './simple-pages.tsx';
import { preferredLanguage } from '../language/languages.ts';

/** Request bodies are forms or an admin batch; anything larger is refused before it is parsed. */
const MAX_BODY_BYTES = 64 * 1024;

const TRACE_ID = /^[\x21-\x7e]+$/;

/** Whose pages these are: the header every page shows, and the logo file when the API serves it. */
export interface SiteBrand {
  readonly brand: EmailBrand;
  readonly logo?: { readonly bytes: Uint8Array; readonly contentType: string } | undefined;
}

/**
 * The web frame every route runs in: a correlation id per request, security headers, gzip, a
 * body limit, the health check, robots.txt and the favicon, and neutral pages (in the browser's language) for an unknown path or an error (logged
 * with the correlation id, never with the request's body). Features add their routes to it.
 */
export function createWebApp(logError: (message: string, error: unknown, fields: { requestId: string }) => void, site?: SiteBrand): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (site) app.use('*', (c, next) => pageBrand.run(site.brand, next));
  app.use('*', (c, next) => readerLanguage.run(preferredLanguage(c.req.header('accept-language')), next));
  // API Gateway's trace id when there is one, echoed back so a customer's "something went
  // wrong" can be found in the logs; only as printable ASCII, since a client can send its own.
  app.use('*', async (c, next) => {
    const trace = c.req.header('x-amzn-trace-id')?.slice(0, 100);
    const id = trace && TRACE_ID.test(trace) ? trace : randomUUID();
    c.set('requestId', id);
    await next();
    c.header('X-Request-Id', id);
  });
  const logoUrl = site?.brand.logoUrl;
  app.use('*', securityHeadersAllowingImagesFrom(logoUrl && /^https:/.test(logoUrl) ? new URL(logoUrl).origin : undefined));
  // The full questionnaire is ~30 KB of repetitive HTML; gzip brings it to a few KB.
  app.use('*', compress());
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('Request body too large', 413) }));
  app.get(toHonoPath(ROUTES.health.path), (c) => c.json({ status: 'ok' }));
  registerSiteFiles(app, site?.logo);
  app.notFound((c) => c.html(<NotFoundPage />, 404));
  app.onError((error, c) => {
    // Hono's own refusals of a request (a malformed one) keep their 4xx.
    if (error instanceof HTTPException && error.status < 500) return c.html(<BadRequestPage />, error.status);
    logError(`unhandled error on ${c.req.method} ${c.req.routePath}`, error, { requestId: c.get('requestId') ?? 'unknown' });
    return c.html(<ServerErrorPage />, 500);
  });
  return app;
}
