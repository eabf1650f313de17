import type { Hono } from 'hono';
import type { AppEnv } from '../../shared/platform/web/app-env.ts';
import { createWebApp, type SiteBrand } from '../../shared/platform/web/web-app.tsx';
import { adminGuard, type AdminAccess } from '../../shared/platform/web/admin-access.ts';
import { registerAnswerRoutes, type AnswerRouteDependencies } from '../../shared/answering/answer-routes.tsx';
import { registerComplaintRoutes, type ComplaintRouteDependencies } from '../../shared/complaints/complaint-routes.tsx';
import { registerDashboardRoutes, type DashboardRouteDependencies } from '../../shared/dashboard/dashboard-routes.tsx';
import { registerUnsubscribeRoutes } from '../../shared/invitations/unsubscribe-routes.tsx';
import { registerInteractionRoutes } from '../../shared/people/interaction-routes.ts';
import { registerQuestionnaireRoutes } from '../../shared/questionnaires/questionnaire-routes.ts';

export type { AppEnv };

export interface AppDependencies extends AnswerRouteDependencies, ComplaintRouteDependencies, DashboardRouteDependencies {
  /** Where errors go, with the request's correlation id; never given request bodies or personal data. */
  readonly logError: (message: string, error: unknown, fields?: { requestId: string }) => void;
  /** Who may reach `/admin/*`: API Gateway's IAM authorizer in AWS, anyone on the local stack. */
  readonly adminAccess: AdminAccess;
  /** The business's header on every page, and its logo when the API serves it. */
  readonly site?: SiteBrand | undefined;
}

/**
 * The HTTP API: every feature's routes in the one web frame. The same app runs in Lambda
 * (hono/aws-lambda) and on the local stack (@hono/node-server).
 */
export function createApp(deps: AppDependencies): Hono<AppEnv> {
  const app = createWebApp(deps.logError, deps.site);
  // Checked here as well as by API Gateway: the app's router and API Gateway's can disagree.
  app.use('*', adminGuard(deps.adminAccess));
  registerAnswerRoutes(app, deps);
  registerComplaintRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerUnsubscribeRoutes(app, deps);
  registerInteractionRoutes(app, deps);
  registerQuestionnaireRoutes(app, deps);
  return app;
}
