import { describe, expect, it } from 'vitest';
import { handle } from 'hono/aws-lambda';
import type { LambdaContext } from 'hono/aws-lambda';
import { createApp } from '../../functions/http-api/app.tsx';
import { apiGatewayIamAccess, isAdminPath } from '../../shared/platform/web/admin-access.ts';
import { ADMIN_PREFIX, ROUTES, iamRouteKeys } from '../../shared/platform/web/routes.ts';
import { complaintHandlingFrom } from '../../shared/complaints/handling-config.ts';
import { CALL_BUDGETS } from '../../shared/platform/aws-clients.ts';
import { openTable } from '../../shared/platform/table/table-client.ts';
import { demoConfig, demoQuestionnaires } from '../support/factories.ts';

/** The deployed app behind hono's Lambda adapter; the admin route it is asked for reads no table. */
const handler = handle(
  createApp({
    table: openTable('unused', { endpoint: 'http://127.0.0.1:9' }, CALL_BUDGETS.interactive),
    questionnaires: demoQuestionnaires,
    businessName: 'Acme',
    complaintRules: demoConfig.complaints,
    responseRetentionDays: 730,
    complaintHandling: complaintHandlingFrom(demoConfig),
    complaintQueue: { send: async () => undefined },
    linkSecret: async () => 'x'.repeat(40),
    now: () => new Date('2026-11-30T12:00:00Z'),
    adminAccess: apiGatewayIamAccess(),
    logError: () => undefined,
  }),
);

const IAM = { iam: { accessKey: 'AKIAEXAMPLE', accountId: '111122223333', callerId: 'AIDAEXAMPLE', userArn: 'arn:aws:iam::111122223333:user/admin', userId: 'AIDAEXAMPLE', principalOrgId: null, cognitoIdentity: null } };

/** An HTTP API (payload 2.0) event as API Gateway sends it after matching `routeKey`. */
type ApiEvent = Parameters<typeof handler>[0];
function event(method: string, rawPath: string, routeKey: string, authorizer?: object): ApiEvent {
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '111122223333',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey,
      stage: '$default',
      time: '30/Nov/2026:12:00:00 +0000',
      timeEpoch: 1_796_040_000_000,
      ...(authorizer ? { authorizer } : {}),
    },
  } as unknown as ApiEvent;
}
const call = (e: ApiEvent) => handler(e, {} as LambdaContext);

describe('admin routes in AWS', () => {
  it('answer a request API Gateway authorised with IAM on the admin route', async () => {
    expect((await call(event('GET', '/admin/questionnaires', 'GET /admin/questionnaires', IAM))).statusCode).toBe(200);
  });

  it.each([
    ['the public catch-all, no IAM', 'GET', '/admin/questionnaires', 'ANY /{proxy+}', undefined],
    ['a percent-encoded letter', 'GET', '/admin/%71uestionnaires', 'ANY /{proxy+}', undefined],
    ['an encoded prefix', 'GET', '/%61dmin/questionnaires', 'ANY /{proxy+}', undefined],
    ['a doubly encoded prefix', 'GET', '/%2561dmin/questionnaires', 'ANY /{proxy+}', undefined],
    ['HEAD through the catch-all', 'HEAD', '/admin/questionnaires', 'ANY /{proxy+}', undefined],
    ['another case', 'GET', '/ADMIN/questionnaires', 'ANY /{proxy+}', undefined],
    ['a doubled slash', 'GET', '//admin/questionnaires', 'ANY /{proxy+}', undefined],
    ['an IAM route key without the IAM identity', 'GET', '/admin/questionnaires', 'GET /admin/questionnaires', undefined],
    ['a public route key with an IAM-looking context', 'GET', '/admin/questionnaires', 'GET /q/{token}', IAM],
  ])('refuse with the neutral 404: %s', async (_case, method, path, routeKey, authorizer) => {
    expect((await call(event(method, path, routeKey, authorizer))).statusCode).toBe(404);
  });

  it('leave public routes public', async () => {
    expect((await call(event('GET', '/health', 'GET /health'))).statusCode).toBe(200);
  });
});

describe('the route table', () => {
  it('keeps every IAM route under the admin prefix and no public route there', () => {
    for (const route of Object.values(ROUTES)) expect(isAdminPath(route.path), route.path).toBe(route.access === 'iam');
    expect([...iamRouteKeys()]).toContain(`ANY ${ADMIN_PREFIX}{proxy+}`);
  });
});
