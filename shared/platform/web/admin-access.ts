import type { Context, MiddlewareHandler } from 'hono';
import * as z from '../validation/zod.ts';
import type { AppEnv } from './app-env.ts';
import { ADMIN_PREFIX, iamRouteKeys } from './routes.ts';

/** Whether this request may reach an admin route. */
export type AdminAccess = (c: Context<AppEnv>) => boolean;

/** The part of API Gateway's HTTP API event (payload 2.0) that says how the request was authorised. */
const ZIamRequestContext = z.looseObject({
  routeKey: z.string(),
  authorizer: z.looseObject({ iam: z.looseObject({ accountId: z.string().check(z.minLength(1)) }) }),
});
const ZLambdaBindings = z.looseObject({ event: z.looseObject({ requestContext: ZIamRequestContext }) });

/**
 * In AWS: only a request that API Gateway matched to an IAM-authorised route, and that
 * carries the IAM authorizer's identity, is an admin request. The app checks this itself
 * rather than trusting its own routing, because its router and API Gateway's can disagree on
 * a path (`/admin/%71uestionnaires`) or a method (HEAD reaches a GET handler).
 */
export function apiGatewayIamAccess(): AdminAccess {
  const allowed = iamRouteKeys();
  return (c) => {
    const bindings = ZLambdaBindings.safeParse(c.env);
    return bindings.success && allowed.has(bindings.data.event.requestContext.routeKey);
  };
}

/** The local stack has no IAM in front of it; it listens on 127.0.0.1 only. */
export const localAdminAccess: AdminAccess = () => true;

/**
 * Refuses, with the same 404 as an unknown path, any request whose path reads as an admin
 * path under any spelling (percent-encoding, case, doubled slashes) unless `access` allows it.
 */
export function adminGuard(access: AdminAccess): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isAdminPath(new URL(c.req.url).pathname) && !access(c)) return c.notFound();
    await next();
  };
}

/** `/admin/x`, `/ADMIN/x`, `//admin/x`, `/%61dmin/x`, `/admin` — all admin paths. */
export function isAdminPath(rawPath: string): boolean {
  let path = rawPath;
  // Twice: a doubly encoded path (`%2561`) must not hide the prefix from a later decoder.
  for (let round = 0; round < 2; round++) path = tryDecode(path);
  const normalised = path.toLowerCase().replace(/\/+/g, '/');
  return normalised === ADMIN_PREFIX.slice(0, -1) || normalised.startsWith(ADMIN_PREFIX);
}

function tryDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
