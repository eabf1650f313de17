import { readRollups } from '../digest/digest-store.ts';
import { headlineScore } from '../digest/measures.ts';
import { segmentKey, type Segment } from '../platform/table/keys.ts';
import type { Table } from '../platform/table/table-client.ts';
import { signLink } from '../platform/tokens/link-token.ts';
import { ROUTES, routeUrl } from '../platform/web/routes.ts';
import type { ComplaintLinks, Headline } from './chat-messages.ts';
import type { EventOf } from './domain-events.ts';

/** Links in a chat message stay valid as long as those in the manager's email. */
const COMPLAINT_LINK_DAYS = 90;

/**
 * A complaint's links, signed like those in the manager's email: its confirm page for
 * Acknowledge, and its page. Not a dashboard link: everyone in a channel would hold it, and
 * with it the scope's figures for weeks.
 */
export function complaintLinksFrom(deps: { publicBaseUrl: string; linkSecret: () => Promise<string>; now: () => Date }) {
  return async (complaintId: string): Promise<ComplaintLinks> => {
    const expiresAt = Math.floor(deps.now().getTime() / 1000) + COMPLAINT_LINK_DAYS * 86_400;
    const token = signLink({ purpose: 'complaint', linkId: complaintId, expiresAt }, await deps.linkSecret());
    return {
      acknowledge: routeUrl(deps.publicBaseUrl, ROUTES.complaintPage, { token }, { action: 'acknowledge' }),
      open: routeUrl(deps.publicBaseUrl, ROUTES.complaintPage, { token }),
    };
  };
}

/** The headline figure of the digest's period and scope, from the rollups the digest was built from. */
export function headlineFrom(table: Table) {
  return async (event: EventOf<'DigestSent'>): Promise<Headline | undefined> => {
    const segment: Segment = event.scope === 'department' && event.departmentId ? { kind: 'department', id: event.departmentId } : { kind: 'company' };
    const rollup = (await readRollups(table, event.questionnaireId, event.period)).find((r) => r.segment === segmentKey(segment));
    return rollup ? { kind: rollup.headlineKind, score: headlineScore(rollup), responses: rollup.responses } : undefined;
  };
}
