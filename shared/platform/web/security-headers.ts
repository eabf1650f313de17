import type { MiddlewareHandler } from 'hono';

/** A year: browsers that saw the API over HTTPS never try it over plain HTTP. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * Headers on every response: scripts only from our own origin and never inline (pages work
 * without JavaScript too), and the answer page's beacon only back to it; no framing, no
 * referrer (a link token must never leak to another site), no sniffing. Pages hold personal
 * data (a customer's answers, a complaint), so none is indexed (`X-Robots-Tag`) or stored by a
 * browser or proxy (`no-store`, unless a route set its own caching for a public file). HSTS
 * is sent over HTTPS — every deployed request — and not on the local plain-HTTP stack, where
 * browsers would ignore it anyway. Images come from our own origin, and from `imageOrigin`
 * when given: the business's logo at an https URL.
 */
export function securityHeadersAllowingImagesFrom(imageOrigin: string | undefined): MiddlewareHandler {
  const images = imageOrigin ? `'self' data: ${imageOrigin}` : "'self' data:";
  return async (c, next) => {
    await next();
    setHeaders(c, images);
  };
}

function setHeaders(c: Parameters<MiddlewareHandler>[0], images: string): void {
  c.header('Content-Security-Policy', `default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src ${images}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  if (new URL(c.req.url).protocol === 'https:') c.header('Strict-Transport-Security', `max-age=${HSTS_MAX_AGE_SECONDS}`);
}
