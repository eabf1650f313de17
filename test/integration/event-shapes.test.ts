import { beforeAll, describe, expect, it } from 'vitest';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import type { APIGatewayProxyEventV2, Context, SQSEvent } from 'aws-lambda';
import { createPlannerHandler } from '../../functions/planner/planner.ts';
import type { TInvitation } from '../../shared/invitations/invitation-store.ts';
import { createLogger } from '../../shared/platform/observability/logger.ts';
import { demoConfig, demoQuestionnaires } from '../support/factories.ts';
import { inviteCustomer } from '../support/invite-customer.ts';
import type { TestPipeline } from '../support/local-services.ts';
import { storedResponseItem } from '../support/stored-responses.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => now }, { per: 'file' });
let pipeline: TestPipeline;
let answerPath: string;
let invitation: TInvitation;

beforeAll(async () => {
  pipeline = await pipelines.start();
  ({ answerPath, invitation } = await inviteCustomer(pipeline));
});

/** An HTTP API (payload 2.0) event as API Gateway sends it: lowercase headers, a cookies array, raw query string. */
function httpApiEvent(overrides: Partial<APIGatewayProxyEventV2> & { method: string; path: string }): LambdaEvent {
  const { method, path, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: `${method} ${path.replace(/\/q\/[^/]+/, '/q/{token}')}`,
    rawPath: path,
    rawQueryString: '',
    cookies: ['s_fid=7AABXMPL1AFD9BBF-0643XMPL09956DE2', 'regStatus=pre-register'],
    headers: {
      accept: 'text/html',
      'accept-encoding': 'gzip, deflate',
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      host: 'abc123.execute-api.eu-west-2.amazonaws.com',
    },
    requestContext: {
      accountId: '111122223333',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-2.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '23/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795428000000,
    },
    isBase64Encoded: false,
    ...rest,
  } satisfies APIGatewayProxyEventV2 as unknown as LambdaEvent;
}
const context = { awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678', functionName: 'http-api' } as Context;
const storedScore = async () => (await storedResponseItem(pipeline.table, invitation))?.['headlineScore'];

describe('the handlers accept the payloads AWS actually sends', () => {
  it('HTTP API v2: a GET with a query string and cookies', async () => {
    const lambda = handle(pipeline.app);
    const result = await lambda(httpApiEvent({ method: 'GET', path: answerPath, rawQueryString: 'score=7', queryStringParameters: { score: '7' } }), context);
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
    // A GET stores nothing: the page's script confirms the score (see answering.test.ts).
    expect(await storedScore()).toBeUndefined();
  });

  it.each([
    ['a plain urlencoded body', false],
    ['a base64-encoded urlencoded body', true],
  ])('HTTP API v2: a POST with %s', async (_name, base64) => {
    const lambda = handle(pipeline.app);
    const body = 'score=9&comment=Caf%C3%A9+was+great';
    const result = await lambda(
      httpApiEvent({
        method: 'POST',
        path: answerPath,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length), 'user-agent': 'Mozilla/5.0' },
        body: base64 ? Buffer.from(body).toString('base64') : body,
        isBase64Encoded: base64,
      }),
      context,
    );
    expect(result.statusCode).toBe(200);
    expect(await storedScore()).toBe(9);
  });

  it('HTTP API v2: an unknown path gets the product’s 404 page', async () => {
    const result = await handle(pipeline.app)(httpApiEvent({ method: 'GET', path: '/wp-login.php' }), context);
    expect(result.statusCode).toBe(404);
  });

  it('EventBridge Scheduler: the schedule’s input, with whatever else AWS adds', async () => {
    const planner = createPlannerHandler({
      table: pipeline.table,
      queue: { send: async () => undefined },
      questionnaires: demoQuestionnaires,
      rules: demoConfig.planning,
      timeZone: demoConfig.timeZone,
      reminderAfterDays: 5,
      linkValidityDays: 30,
      now: () => now,
      log: createLogger({ write: () => undefined }),
    });
    await expect(planner({ job: 'planWave', 'aws.scheduler.execution-id': 'e1', 'aws.scheduler.scheduled-time': '2026-11-23T09:00:00Z' })).resolves.toMatchObject({ job: 'planWave' });
    await expect(planner({ detail: {} })).rejects.toThrow();
  });

  it('SQS: a batch in Lambda’s event shape, with a malformed record failing alone', async () => {
    const record = (messageId: string, body: string): SQSEvent['Records'][number] => ({
      messageId,
      receiptHandle: `AQEB${messageId}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795428000000', SenderId: 'AROAEXAMPLE:planner', ApproximateFirstReceiveTimestamp: '1795428000001' },
      messageAttributes: {},
      md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-2:111122223333:SendQueue',
      awsRegion: 'eu-west-2',
    });
    const result = await pipeline.complaintQueue.consumer({ Records: [record('m-1', '{"not":"a complaint message"}'), record('m-2', 'not json')] });
    expect(result!.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['m-1', 'm-2']);
  });
});
