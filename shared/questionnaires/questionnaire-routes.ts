import type { Hono } from 'hono';
import type { AppEnv } from '../platform/web/app-env.ts';
import { ROUTES, toHonoPath } from '../platform/web/routes.ts';
import type { TQuestionnaire } from './questionnaire-schema.ts';

/** The deployed questionnaires, for the business's own systems (an IAM-only route). */
export function registerQuestionnaireRoutes(app: Hono<AppEnv>, deps: { readonly questionnaires: readonly TQuestionnaire[] }): void {
  app.get(toHonoPath(ROUTES.listQuestionnaires.path), (c) =>
    c.json({ questionnaires: deps.questionnaires.map((q) => ({ id: q.id, audience: q.audience, anonymous: q.anonymous, languages: q.languages, headline: q.headline.kind })) }),
  );
}
