import type { Hono } from 'hono';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import { Layout } from '../platform/web/layout.tsx';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import { InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { verifiedLink } from '../platform/web/verified-link.ts';
import { markUnsubscribed } from '../people/contact-store.ts';
import { findInvitationByLinkId } from './invitation-store.ts';

export interface UnsubscribeRouteDependencies {
  readonly table: Table;
  readonly businessName: string;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
}

/** The unsubscribe link every invitation carries: a confirm page, and the POST that opts out. */
export function registerUnsubscribeRoutes(app: Hono<AppEnv>, deps: UnsubscribeRouteDependencies): void {
  app.get(toHonoPath(ROUTES.unsubscribePage.path), async (c) => {
    if (!(await verifiedLink(deps, c.req.param('token'), 'unsubscribe'))) return c.html(<InvalidLinkPage />, 404);
    return c.html(<UnsubscribeConfirmPage businessName={deps.businessName} action={c.req.path} />);
  });

  // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click`; answer 200, no redirect.
  app.post(toHonoPath(ROUTES.unsubscribe.path), async (c) => {
    const claims = await verifiedLink(deps, c.req.param('token'), 'unsubscribe');
    const invitation = claims && (await findInvitationByLinkId(deps.table, claims.linkId));
    if (!invitation) return c.html(<InvalidLinkPage />, 404);
    await markUnsubscribed(deps.table, invitation.audience, invitation.email, deps.now().toISOString());
    return c.html(<UnsubscribedPage businessName={deps.businessName} />, 200);
  });
}

/** A GET never unsubscribes (mail scanners fetch every link): it asks for a click first. */
export function UnsubscribeConfirmPage(props: { businessName: string; action: string }) {
  return (
    <Layout title="Unsubscribe">
      <h1>Stop questionnaires from {props.businessName}?</h1>
      <p>You will not receive any more feedback questionnaires from us.</p>
      <form method="post" action={props.action}>
        <button type="submit">Unsubscribe</button>
      </form>
    </Layout>
  );
}

export function UnsubscribedPage(props: { businessName: string }) {
  return (
    <Layout title="Unsubscribed">
      <h1>You are unsubscribed</h1>
      <p>{props.businessName} will not send you any more questionnaires.</p>
    </Layout>
  );
}
