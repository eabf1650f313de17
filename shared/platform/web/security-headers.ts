import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response: scripts (and the answer page's beacon) only to and from our own
 * origin, never inline (pages work
 * without JavaScript too), no framing, no referrer (a link token must never leak to another
 * site), no sniffing.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cache-Control', 'no-store');
};
