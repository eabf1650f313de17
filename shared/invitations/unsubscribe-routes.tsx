import type { Hono } from 'hono';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import { Layout } from '../platform/web/layout.tsx';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import { InvalidLinkPage } from '../platform/web/simple-pages.tsx';
import { verifiedLink } from '../platform/web/verified-link.ts';
import { markUnsubscribed } from '../people/contact-store.ts';
import { findInvitationByLinkId } from './invitation-store.ts';
import { supportedLanguage, textsIn } from '../platform/language/languages.ts';
import { UNSUBSCRIBE_TEXT } from './unsubscribe-text.ts';

export interface UnsubscribeRouteDependencies {
  readonly table: Table;
  readonly businessName: string;
  readonly linkSecret: () => Promise<string>;
  readonly now: () => Date;
}

/** The unsubscribe link every invitation carries: a confirm page, and the POST that opts out. */
export function registerUnsubscribeRoutes(app: Hono<AppEnv>, deps: UnsubscribeRouteDependencies): void {
  app.get(toHonoPath(ROUTES.unsubscribePage.path), async (c) => {
    const claims = await verifiedLink(deps, c.req.param('token'), 'unsubscribe');
    if (!claims) return c.html(<InvalidLinkPage />, 404);
    // Read only for the page's language; the page works (in English) for an invitation since forgotten.
    const invitation = await findInvitationByLinkId(deps.table, claims.linkId);
    return c.html(<UnsubscribeConfirmPage businessName={deps.businessName} action={c.req.path} language={invitation?.language ?? 'en'} />);
  });

  // RFC 8058 one-click: the mail client POSTs `List-Unsubscribe=One-Click`; answer 200, no redirect.
  app.post(toHonoPath(ROUTES.unsubscribe.path), async (c) => {
    const claims = await verifiedLink(deps, c.req.param('token'), 'unsubscribe');
    const invitation = claims && (await findInvitationByLinkId(deps.table, claims.linkId));
    if (!invitation) return c.html(<InvalidLinkPage />, 404);
    await markUnsubscribed(deps.table, invitation.audience, invitation.email, deps.now().toISOString());
    return c.html(<UnsubscribedPage businessName={deps.businessName} language={invitation.language} />, 200);
  });
}

/** A GET never unsubscribes (mail scanners fetch every link): it asks for a click first. */
export function UnsubscribeConfirmPage(props: { businessName: string; action: string; language: string }) {
  const text = textsIn(UNSUBSCRIBE_TEXT, props.language);
  return (
    <Layout title={text.confirmTitle} lang={supportedLanguage(props.language)}>
      <h1>{text.confirmHeading(props.businessName)}</h1>
      <p>{text.confirmBody}</p>
      <form method="post" action={props.action}>
        <button type="submit">{text.button}</button>
      </form>
    </Layout>
  );
}

export function UnsubscribedPage(props: { businessName: string; language: string }) {
  const text = textsIn(UNSUBSCRIBE_TEXT, props.language);
  return (
    <Layout title={text.doneTitle} lang={supportedLanguage(props.language)}>
      <h1>{text.doneHeading}</h1>
      <p>{text.doneBody(props.businessName)}</p>
    </Layout>
  );
}
