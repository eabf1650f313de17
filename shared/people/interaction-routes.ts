import type { Hono } from 'hono';
import * as z from '../platform/validation/zod.ts';
import type { AppEnv } from '../platform/web/app-env.ts';
import type { Table } from '../platform/table/table-client.ts';
import { describeIssues } from '../platform/config/zod-issues.ts';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import { saveContact } from './contact-store.ts';
import { ZInteraction, contactFromInteraction } from './import-schemas.ts';

/** At most this many interactions per request, which keeps a request well inside the body limit and the Lambda timeout. */
const MAX_INTERACTIONS = 100;
const ZInteractionBatch = z.strictObject({ interactions: z.array(ZInteraction).check(z.minLength(1), z.maxLength(MAX_INTERACTIONS)) });

/** The business's own systems report who was served, by whom and when (SigV4-signed in AWS: an IAM-only route). */
export function registerInteractionRoutes(app: Hono<AppEnv>, deps: { readonly table: Table; readonly now: () => Date }): void {
  app.post(toHonoPath(ROUTES.recordInteractions.path), async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (body === undefined) return c.json({ error: 'the body must be JSON: {"interactions": [...]}' }, 400);
    const parsed = ZInteractionBatch.safeParse(body);
    if (!parsed.success) return c.json({ error: 'invalid interactions', problems: describeIssues(parsed.error) }, 400);
    const now = deps.now();
    for (const interaction of parsed.data.interactions) await saveContact(deps.table, contactFromInteraction(interaction, now));
    return c.json({ recorded: parsed.data.interactions.length });
  });
}
