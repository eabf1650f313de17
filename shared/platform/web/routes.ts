/**
 * Every HTTP route, defined once: the CDK stack creates one API Gateway route per entry
 * (with IAM authorisation where `access` is `iam`), and the Hono app registers the same
 * paths. Paths use API Gateway's `{param}` form.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/health', access: 'public' },
  /** The business's logo when the deployment ships it as a file (config `branding.logo`). */
  brandLogo: { method: 'GET', path: '/brand/logo', access: 'public' },
  answerPage: { method: 'GET', path: '/q/{token}', access: 'public' },
  answer: { method: 'POST', path: '/q/{token}', access: 'public' },
  unsubscribePage: { method: 'GET', path: '/unsubscribe/{token}', access: 'public' },
  unsubscribe: { method: 'POST', path: '/unsubscribe/{token}', access: 'public' },
  complaintPage: { method: 'GET', path: '/complaints/{token}', access: 'public' },
  complaintAction: { method: 'POST', path: '/complaints/{token}/{action}', access: 'public' },
  dashboard: { method: 'GET', path: '/dashboard/{token}', access: 'public' },
  dashboardPage: { method: 'GET', path: '/dashboard/{token}/{page}', access: 'public' },
  dashboardComplaint: { method: 'GET', path: '/dashboard/{token}/complaints/{id}', access: 'public' },
  listQuestionnaires: { method: 'GET', path: '/admin/questionnaires', access: 'iam' },
  recordInteractions: { method: 'POST', path: '/admin/interactions', access: 'iam' },
} as const satisfies Record<string, RouteDefinition>;

export interface RouteDefinition {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** `iam`: only SigV4-signed requests from principals allowed `execute-api:Invoke`. */
  readonly access: 'public' | 'iam';
}

export type RouteId = keyof typeof ROUTES;

/** Every `iam` route lives under this prefix, and nothing public does (a test holds this). */
export const ADMIN_PREFIX = '/admin/';
/** API Gateway's IAM-authorised catch-all under the admin prefix: any other method or path spelling. */
export const ADMIN_CATCH_ALL_PATH = `${ADMIN_PREFIX}{proxy+}`;

/** The API Gateway route keys (`GET /admin/questionnaires`) a request can only reach with IAM. */
export function iamRouteKeys(): ReadonlySet<string> {
  const keys = Object.values(ROUTES as Readonly<Record<string, RouteDefinition>>)
    .filter((route) => route.access === 'iam')
    .map((route) => `${route.method} ${route.path}`);
  return new Set([...keys, `ANY ${ADMIN_CATCH_ALL_PATH}`]);
}

/** `/unsubscribe/{token}` → `/unsubscribe/:token`, the form Hono matches. */
export function toHonoPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** A concrete URL for a route: `routeUrl(base, ROUTES.answerPage, { token })`. */
export function routeUrl(baseUrl: string, route: RouteDefinition, params: Record<string, string>, query?: Record<string, string>): string {
  const path = route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${baseUrl.replace(/\/+$/, '')}${path}${search}`;
}
