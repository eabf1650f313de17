import { beforeAll, describe, expect, it } from 'vitest';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import type { Context } from 'aws-lambda';
import { createWebApp } from '../../shared/platform/web/web-app.tsx';
import { customerWithComplaint } from '../support/invite-customer.ts';
import type { TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';
const pipelines = usePipeline({ now: () => now }, { per: 'file' });
let pipeline: TestPipeline;
let answerPath: string;
let unsubscribePath: string;
let complaintPath: string;

beforeAll(async () => {
  pipeline = await pipelines.start();
  ({ answerPath, unsubscribePath, complaintPath } = await customerWithComplaint(pipeline, now));
});

const request = (path: string, init: RequestInit = {}) => pipeline.app.request(path, { ...init, headers: { 'user-agent': BROWSER, ...init.headers } });
const form = (fields: Record<string, string>): RequestInit => ({ method: 'POST', body: new URLSearchParams(fields) });

/** API Gateway's HTTP API event for a GET, as the deployed stack's Lambda receives it (always over HTTPS). */
function deployedGet(path: string): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com', 'user-agent': BROWSER, 'x-forwarded-proto': 'https' },
    requestContext: { domainName: 'abc123.execute-api.eu-west-2.amazonaws.com', requestId: 'r1', stage: '$default', timeEpoch: now.getTime(), http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: BROWSER } },
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

describe('pages with personal data are neither indexed nor stored', () => {
  it.each([
    ['the questionnaire', () => request(`${answerPath}?score=9`)],
    ['the questionnaire with errors', () => request(answerPath, form({ score: '99' }))],
    ['the thank-you page', () => request(answerPath, form({ score: '9' }))],
    ['the manager’s complaint page', () => request(complaintPath)],
    ['a complaint action’s result', () => request(`${complaintPath}/acknowledge`, form({}))],
    ['the unsubscribe confirmation', () => request(unsubscribePath)],
    ['a bad link', () => request('/q/not-a-token')],
    ['an unknown path', () => request('/no/such/page')],
    ['an unreadable form', () => request(answerPath, { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data' } })],
  ] as const)('%s', async (_name, open) => {
    const response = await open();
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('x-robots-tag')).toMatch(/\bnoindex\b/);
    expect(response.headers.get('cache-control')).toMatch(/\bno-store\b/);
  });

  it('the error page too', async () => {
    const app = createWebApp(() => undefined);
    app.get('/boom', () => {
      throw new Error('boom');
    });
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-robots-tag')).toMatch(/\bnoindex\b/);
    expect(response.headers.get('cache-control')).toMatch(/\bno-store\b/);
  });
});

describe('the web frame’s own answers', () => {
  it('the deployed API sends HSTS; the local one, over plain HTTP, does not', async () => {
    const result = await handle(pipeline.app)(deployedGet(answerPath), { awsRequestId: 'r1' } as Context);
    expect(result.statusCode).toBe(200);
    const hsts = String(result.headers?.['strict-transport-security']);
    expect(hsts).toMatch(/^max-age=\d+/);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect((await request(answerPath)).headers.get('strict-transport-security')).toBeNull();
  });

  it('echoes a trace id as the request id only as printable ASCII: no control characters reach a response header', async () => {
    const echoed = (await request('/health', { headers: { 'x-amzn-trace-id': 'Root=1-abc\u0001\u001b[31m\u007f' } })).headers.get('x-request-id');
    expect(echoed).not.toMatch(/[\u0000-\u001f\u007f-\uffff]/);
    expect((await request('/health', { headers: { 'x-amzn-trace-id': 'Root=1-5759e988-bd862e3fe1be46a994272793' } })).headers.get('x-request-id')).toBe('Root=1-5759e988-bd862e3fe1be46a994272793');
  });

  it('/robots.txt asks every crawler to keep out', async () => {
    const response = await request('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  });

  it('a favicon exists, and pages name it', async () => {
    const response = await request('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const icon = new Uint8Array(await response.arrayBuffer());
    // An ICO file: reserved 0, type 1 (icon), one image.
    expect([...icon.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(await (await request('/q/not-a-token')).text()).toContain('<link rel="icon" href="/favicon.ico"');
  });
});
