import type { Context, Hono } from 'hono';
import * as z from '../platform/validation/zod.ts';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import { parseSegmentKey, type Segment } from '../platform/table/keys.ts';
import { ROUTES, routeUrl, toHonoPath } from '../platform/web/routes.ts';
import { BadRequestPage, InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { signLink } from '../platform/tokens/link-token.ts';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { ComplaintHandling } from '../complaints/open-complaint.ts';
import { getComplaint, type TComplaint } from '../complaints/complaint-store.ts';
import { grantOf, TOP_LEVEL, type LinkHolder } from '../complaints/complaint-actions.ts';
import { isOverdue } from '../complaints/sweep-complaints.ts';
import { loadComplaintContext, type ComplaintContext } from '../complaints/complaint-context.ts';
import { complaintSummary } from '../complaints/complaint-emails.tsx';
import { getDepartments, listStaff, type TStaffMember } from '../people/directory-store.ts';
import type { DigestScope } from '../digest/digest-report.ts';
import { namedView, readDashboardFacts, type DashboardFacts } from './dashboard-data.ts';
import { lastCompletePeriod } from '../digest/period.ts';
import { scopeCovers, scopeCoversComplaint, verifyDashboardToken, type DashboardScope } from './dashboard-scope.ts';
import { revokedBefore } from './dashboard-store.ts';
import { DASHBOARD_PAGES, dashboardLinks, type DashboardLinks, type ViewChoice } from './dashboard-frame.tsx';
import { OverviewPage, periodText, StandardsPage, ValuesPage } from './figure-pages.tsx';
import { COMPLAINT_FILTERS, ComplaintDetailPage, ComplaintsPage, CommentsPage, StaffPage, type ComplaintFilter } from './list-pages.tsx';
import { exportResponse } from './dashboard-export.ts';

export interface DashboardRouteDependencies {
  readonly table: Table;
  readonly questionnaires: readonly TQuestionnaire[];
  readonly businessName: string;
  readonly complaintHandling: ComplaintHandling;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
}

const ZQuery = z.object({
  segment: z.optional(z.string().check(z.maxLength(300))),
  q: z.optional(z.string().check(z.maxLength(100))),
  filter: z.optional(z.enum(COMPLAINT_FILTERS)),
  max: z.optional(z.union([z.literal(''), z.string().check(z.regex(/^\d{1,2}$/))])),
  low: z.optional(z.string().check(z.maxLength(100))),
});
const COMPLAINT_ID = /^[A-Za-z0-9_-]{22}$/;
const DOWNLOADS = ['figures.csv', 'responses.csv'] as const;
const KNOWN_PAGES: ReadonlySet<string> = new Set([...DASHBOARD_PAGES.map((p) => p.page), ...DOWNLOADS]);
/** Staff are ranked from this many responses, as in the digest. */
const MIN_RANKED = 5;
/** How long the action link a complaint page offers stays good. */
const ACTION_LINK_SECONDS = 86_400;

interface Session {
  scope: DashboardScope;
  questionnaire: TQuestionnaire;
  view: DigestScope;
  staff: TStaffMember[];
  links: DashboardLinks;
  query: z.output<typeof ZQuery>;
}

/**
 * The managers' dashboard, behind a signed link bound to a scope. Every way a link can be
 * wrong — forged, expired, revoked, or asking for a segment, questionnaire or complaint its
 * scope does not cover — gets the same neutral 404 as any bad link.
 */
export function registerDashboardRoutes(app: Hono<AppEnv>, deps: DashboardRouteDependencies): void {
  const defaultQuestionnaire = deps.questionnaires.find((q) => q.audience === 'customers') ?? deps.questionnaires[0];

  async function session(c: Context<AppEnv>): Promise<Session | 'bad-request' | undefined> {
    const token = c.req.param('token') ?? '';
    const claims = verifyDashboardToken(token, await deps.linkSecret(), deps.now());
    if (!claims || !defaultQuestionnaire) return undefined;
    const [revoked, staff] = await Promise.all([revokedBefore(deps.table, claims.scope), listStaff(deps.table)]);
    if (revoked !== undefined && claims.issuedAtMs <= revoked) return undefined;
    const query = ZQuery.safeParse(c.req.query());
    if (!query.success) return 'bad-request';
    const questionnaire = query.data.q === undefined ? defaultQuestionnaire : deps.questionnaires.find((q) => q.id === query.data.q);
    // A staff member's own figures come from customers' answers; staff questionnaires are anonymous.
    if (!questionnaire || (claims.scope.kind === 'staff' && questionnaire.audience !== 'customers')) return undefined;
    const segment: Segment | undefined = query.data.segment === undefined ? claims.scope : parseSegmentKey(query.data.segment);
    const departments = new Map(staff.map((s) => [s.email, s.departmentId]));
    if (!segment || !scopeCovers(claims.scope, segment, (email) => departments.get(email))) return undefined;
    const view = await namedView(deps.table, segment, staff, deps.businessName);
    if (!view) return undefined;
    const base = routeUrl('', ROUTES.dashboard, { token });
    const choices = deps.questionnaires
      .filter((q) => claims.scope.kind !== 'staff' || q.audience === 'customers')
      .map((q) => ({ id: q.id, title: localized(q, q.title, q.languages[0]!) }));
    const links = dashboardLinks(base, claims.scope, view, { id: questionnaire.id, defaultId: defaultQuestionnaire.id, choices });
    return { scope: claims.scope, questionnaire, view, staff, query: query.data, links };
  }

  /** The segments the scope may switch between: itself, and its departments or its department's staff. */
  async function viewsOf(s: Session): Promise<ViewChoice[]> {
    if (s.scope.kind === 'staff') return [];
    if (s.scope.kind === 'department') {
      const own = await namedView(deps.table, s.scope, s.staff, deps.businessName);
      const members = s.staff.filter((m) => m.departmentId === (s.scope as { id: string }).id).map((m) => ({ segment: { kind: 'staff', email: m.email } as Segment, name: m.name }));
      return [...(own ? [{ segment: s.scope, name: own.name }] : []), ...members];
    }
    const departments = await getDepartments(deps.table, [...new Set(s.staff.map((m) => m.departmentId))].sort());
    return [{ segment: { kind: 'company' }, name: deps.businessName }, ...departments.map((d) => ({ segment: { kind: 'department', id: d.id } as Segment, name: d.name }))];
  }

  const inView = (facts: DashboardFacts, scope: DashboardScope) => (c: TComplaint) =>
    c.questionnaireId === facts.questionnaire.id && scopeCoversComplaint(scope, c) && scopeCoversComplaint(facts.view, c);

  app.get(toHonoPath(ROUTES.dashboard.path), (c) => page(c, 'overview'));
  app.get(toHonoPath(ROUTES.dashboardPage.path), (c) => page(c, c.req.param('page') ?? ''));

  async function page(c: Context<AppEnv>, name: string) {
    // An unknown page is refused before anything is read.
    if (!KNOWN_PAGES.has(name)) return c.html(<InvalidLinkPage />, 404);
    const s = await session(c);
    if (s === 'bad-request') return c.html(<BadRequestPage />, 400);
    if (!s) return c.html(<InvalidLinkPage />, 404);
    const now = deps.now();
    const calendar = deps.complaintHandling.calendar;
    const facts = await readDashboardFacts(deps.table, s.questionnaire, s.view, { now, calendar, staff: s.staff });
    if (name === 'figures.csv' || name === 'responses.csv') return exportResponse(c, deps.table, facts, name, s.scope);
    const common = { facts, links: s.links, views: await viewsOf(s) };
    const complaints = facts.complaints.filter(inView(facts, s.scope)).map((complaint) => ({ ...complaint, overdue: isOverdue(complaint, now) }));
    switch (name) {
      case 'overview': {
        const open = complaints.filter((complaint) => complaint.state !== 'resolved');
        return c.html(<OverviewPage {...common} complaints={{ open: open.length, overdue: open.filter((complaint) => complaint.overdue).length }} />);
      }
      case 'values':
        return c.html(<ValuesPage {...common} />);
      case 'standards':
        return c.html(<StandardsPage {...common} />);
      case 'staff':
        return c.html(<StaffPage {...common} minSample={MIN_RANKED} />);
      case 'complaints': {
        const filter: ComplaintFilter = s.query.filter ?? 'open';
        const shown = complaints
          .filter((complaint) => filter === 'all' || (filter === 'resolved' ? complaint.state === 'resolved' : complaint.state !== 'resolved' && (filter === 'open' || complaint.overdue)))
          .reverse();
        return c.html(<ComplaintsPage {...common} filter={filter} complaints={shown} timeZone={calendar.timeZone} />);
      }
      case 'comments': {
        const comments = facts.trend.at(-1)?.comments ?? [];
        const max = s.query.max ? Number(s.query.max) : undefined;
        const low = s.query.low && s.questionnaire.values.some((v) => v.id === s.query.low) ? s.query.low : undefined;
        return c.html(<CommentsPage {...common} comments={comments} maxScore={max} lowValue={low} staffNames={facts.current.staffNames} />);
      }
      default:
        return c.html(<InvalidLinkPage />, 404);
    }
  }

  app.get(toHonoPath(ROUTES.dashboardComplaint.path), async (c) => {
    const s = await session(c);
    if (s === 'bad-request') return c.html(<BadRequestPage />, 400);
    const id = c.req.param('id') ?? '';
    const complaint = s && COMPLAINT_ID.test(id) ? await getComplaint(deps.table, id) : undefined;
    if (!s || !complaint || !scopeCoversComplaint(s.scope, complaint)) return c.html(<InvalidLinkPage />, 404);
    const now = deps.now();
    const timeZone = deps.complaintHandling.calendar.timeZone;
    const context = await loadComplaintContext(deps.table, deps.questionnaires, complaint);
    const summary = complaintSummary(context, timeZone, { customerHidden: s.scope.kind === 'staff' });
    const period = lastCompletePeriod(now, timeZone);
    return c.html(
      <ComplaintDetailPage
        complaint={complaint}
        summary={summary}
        timeZone={timeZone}
        actUrl={await actionUrl(context, s.scope, now)}
        back={s.links.href('complaints')}
        overdue={isOverdue(complaint, now)}
        view={s.view}
        periodText={periodText({ questionnaire: s.questionnaire, periods: [period] })}
        links={s.links}
      />,
    );
  });

  /**
   * The complaint's own action page, when the link's reader holds the complaint: the head of
   * service (a company link) once it is escalated or while they own it, a department's manager
   * (a department link) while they own it. Anyone else only reads, so nobody acts, or is
   * recorded in its history, as someone they are not.
   */
  async function actionUrl(context: ComplaintContext, scope: DashboardScope, now: Date): Promise<string | undefined> {
    const { complaint } = context;
    if (complaint.state === 'resolved' || scope.kind === 'staff') return undefined;
    const assignment = { assignment: complaint.assignment ?? 0 };
    let holder: LinkHolder | undefined;
    if (scope.kind === 'company') holder = complaint.level >= TOP_LEVEL ? { headOfService: true } : complaint.ownerEmail === deps.complaintHandling.headOfServiceEmail ? assignment : undefined;
    // A department link reaches only its own department's complaints, so the context's department is the link's.
    else holder = context.departmentManagerEmail === complaint.ownerEmail ? assignment : undefined;
    if (!holder) return undefined;
    const token = signLink({ purpose: 'complaint', linkId: complaint.id, expiresAt: Math.floor(now.getTime() / 1000) + ACTION_LINK_SECONDS, grant: grantOf(holder) }, await deps.linkSecret());
    return routeUrl('', ROUTES.complaintPage, { token });
  }
}
