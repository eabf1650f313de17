import { newLinkId, signLink, verifyLink } from '../platform/tokens/link-token.ts';
import { normalizeEmail, type Segment } from '../platform/table/keys.ts';
import { ROUTES, routeUrl } from '../platform/web/routes.ts';
import type { TComplaint } from '../complaints/complaint-store.ts';

/**
 * Whose figures a dashboard link shows: the whole company (the head of service), one
 * department (its manager), or one staff member (their own). The scope is signed into the
 * link, so a page never needs an account and never shows more than the link was issued for.
 */
export type DashboardScope = Segment;

/** How long a dashboard link lives unless told otherwise (`--days`). */
export const DEFAULT_DASHBOARD_LINK_DAYS = 30;
/** The longest a dashboard link may be issued for: a leaked link should not outlive a year. */
export const MAX_DASHBOARD_LINK_DAYS = 366;

const ISSUED_WIDTH = 9;
const KIND_LETTER = { company: 'c', department: 'd', staff: 's' } as const;

/**
 * The link's grant: a letter for the scope's kind, when it was issued (milliseconds, base 36,
 * fixed width, so revocation can tell links issued before it from those after), and the
 * department id or email, base64url.
 */
export function scopeGrant(scope: DashboardScope, issuedAtMs: number): string {
  const issued = issuedAtMs.toString(36).padStart(ISSUED_WIDTH, '0');
  const subject = scope.kind === 'company' ? '' : Buffer.from(scope.kind === 'department' ? scope.id : normalizeEmail(scope.email)).toString('base64url');
  return `${KIND_LETTER[scope.kind]}${issued}${subject}`;
}

/** The scope and issue time a grant names, or undefined for one this version did not sign. */
export function scopeOfGrant(grant: string | undefined): { scope: DashboardScope; issuedAtMs: number } | undefined {
  const match = grant && /^([cds])([0-9a-z]{9})([A-Za-z0-9_-]*)$/.exec(grant);
  if (!match) return undefined;
  const issuedAtMs = parseInt(match[2]!, 36);
  const subject = Buffer.from(match[3]!, 'base64url').toString('utf8');
  if (match[1] === 'c') return match[3] ? undefined : { scope: { kind: 'company' }, issuedAtMs };
  if (!subject) return undefined;
  return { scope: match[1] === 'd' ? { kind: 'department', id: subject } : { kind: 'staff', email: subject }, issuedAtMs };
}

/** A signed dashboard link token for `scope`, valid for `days` from `now`. */
export function signDashboardToken(scope: DashboardScope, secret: string, options: { now: Date; days?: number }): string {
  const days = options.days ?? DEFAULT_DASHBOARD_LINK_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DASHBOARD_LINK_DAYS) throw new RangeError(`a dashboard link lives 1 to ${MAX_DASHBOARD_LINK_DAYS} days`);
  const nowMs = options.now.getTime();
  const expiresAt = Math.floor(nowMs / 1000) + days * 86_400;
  return signLink({ purpose: 'dashboard', linkId: newLinkId(), expiresAt, grant: scopeGrant(scope, nowMs) }, secret, Math.floor(nowMs / 1000));
}

/** The dashboard's address for `scope`, as emails carry it: signed now, valid for the default days. */
export async function dashboardUrl(links: { publicBaseUrl: string; linkSecret: () => Promise<string> }, scope: DashboardScope, now: Date): Promise<string> {
  return routeUrl(links.publicBaseUrl, ROUTES.dashboard, { token: signDashboardToken(scope, await links.linkSecret(), { now }) });
}

/** The scope of a valid, unexpired dashboard token (revocation is checked apart: it needs the table). */
export function verifyDashboardToken(token: string, secret: string, now: Date): { scope: DashboardScope; issuedAtMs: number; expiresAt: number } | undefined {
  const claims = verifyLink(token, 'dashboard', secret, Math.floor(now.getTime() / 1000));
  const granted = claims && scopeOfGrant(claims.grant);
  return granted && { ...granted, expiresAt: claims.expiresAt };
}

/**
 * Whether a link for `scope` may show the figures of `view`: the company sees every segment,
 * a department itself and its own staff, a staff member only themselves.
 */
export function scopeCovers(scope: DashboardScope, view: Segment, staffDepartment: (email: string) => string | undefined): boolean {
  if (scope.kind === 'company') return true;
  if (scope.kind === 'staff') return view.kind === 'staff' && normalizeEmail(view.email) === normalizeEmail(scope.email);
  if (view.kind === 'department') return view.id === scope.id;
  return view.kind === 'staff' && staffDepartment(normalizeEmail(view.email)) === scope.id;
}

/** Whether a link for `scope` may show a complaint: the company every one, a department its own, a staff member those about them. */
export function scopeCoversComplaint(scope: DashboardScope, complaint: Pick<TComplaint, 'departmentId' | 'staffEmail'>): boolean {
  if (scope.kind === 'company') return true;
  if (scope.kind === 'department') return complaint.departmentId === scope.id;
  return complaint.staffEmail !== null && normalizeEmail(complaint.staffEmail) === normalizeEmail(scope.email);
}
