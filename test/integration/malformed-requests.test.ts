import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import type { Context } from 'aws-lambda';
import { customerWithComplaint } from '../support/invite-customer.ts';
import type { TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const now = new Date('2026-11-23T10:00:00Z');
const pipelines = usePipeline({ now: () => now }, { per: 'file' });
let pipeline: TestPipeline;
let answerPath: string;
let unsubscribePath: string;
let complaintBase: string;

beforeAll(async () => {
  pipeline = await pipelines.start();
  ({ answerPath, unsubscribePath, complaintPath: complaintBase } = await customerWithComplaint(pipeline, now));
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** Content types a client (or a fuzzer) sends: right, wrong, incomplete, and with odd parameters. */
const contentType = fc.oneof(
  fc.constantFrom(
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data; boundary="unterminated',
    'multipart/mixed; boundary=xyz',
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=bogus-8',
    'application/x-www-form-urlencoded; charset=utf-16le',
    'application/json',
    'text/plain',
    'text/html; charset=utf-8',
    '',
    ';',
    'application/octet-stream',
  ),
  fc.string({ maxLength: 40 }),
);

/** Bodies that break each parser: truncated multipart, bad percent-escapes, invalid UTF-8, random bytes. */
const body = fc.oneof(
  fc.constantFrom(
    '--xyz\r\nContent-Disposition: form-data; name="score"\r\n\r\n5',
    '--xyz\r\nContent-Disposition: form-data; name="score"\r\n\r\n5\r\n--xyz--\r\n',
    '--xyz\r\nContent-Disposition: form-data\r\n\r\n5\r\n--xyz--\r\n',
    '--xyz\r\nContent-Disposition: form-data; name="score"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n5\r\n--xyz--\r\n',
    '--xyz--',
    'score=%',
    'score=%zz&comment=%E0%A4',
    'score=9&score=3',
    '%%%=%%%',
    'note=%C0%AF',
    'to=a%00b@example.com',
    '{"score": 5',
    '',
  ).map(bytes),
  fc.string({ maxLength: 200 }).map(bytes),
  fc.uint8Array({ maxLength: 200 }),
);

/** Path segments and query values with broken percent-encodings. */
const oddText = fc.oneof(fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '..%2F..', '%FF%FE', ''), fc.string({ maxLength: 30 }).map(encodeURIComponent));

async function send(path: string, init: { method: string; type?: string; body?: Uint8Array }): Promise<number> {
  const headers: Record<string, string> = { 'user-agent': 'fuzzer' };
  if (init.type !== undefined) headers['content-type'] = init.type;
  const response = await pipeline.app.request(path, { method: init.method, headers, ...(init.body && init.method === 'POST' ? { body: init.body } : {}) });
  await response.arrayBuffer();
  return response.status;
}

describe('malformed requests get a 4xx, never a 5xx', () => {
  it('the answer form: any content type with any body', async () => {
    await fc.assert(
      fc.asyncProperty(contentType, body, async (type, data) => {
        expect(await send(answerPath, { method: 'POST', type, body: data })).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });

  it('complaint actions: any action, content type and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('acknowledge', 'resolve', 'reassign'), oddText), contentType, body, async (action, type, data) => {
        expect(await send(`${complaintBase}/${action}`, { method: 'POST', type, body: data })).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });

  it('the two known crashes: multipart without a boundary, and a multipart body cut short', async () => {
    for (const path of [answerPath, `${complaintBase}/resolve`, `${complaintBase}/reassign`]) {
      expect(await send(path, { method: 'POST', type: 'multipart/form-data', body: bytes('score=5') })).toBe(400);
      expect(await send(path, { method: 'POST', type: 'multipart/form-data; boundary=xyz', body: bytes('--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi') })).toBe(400);
    }
  });

  it('pages and links: broken percent-encodings in the path and the query', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(answerPath, complaintBase, unsubscribePath, '/q', '/complaints'), oddText, oddText, fc.constantFrom('GET', 'POST', 'HEAD'), async (base, segment, query, method) => {
        for (const path of [`${base}?score=${query}&action=${query}`, `${base}${segment}`, `${base}/${segment}`]) {
          expect(await send(path, { method, type: 'application/x-www-form-urlencoded', body: bytes(`score=${query}`) })).toBeLessThan(500);
        }
      }),
      { numRuns: 60 },
    );
  });

  // API Gateway base64-encodes a body itself, so the encoding is always valid; what it carries is not.
  it('through the Lambda adapter, as API Gateway delivers them: base64 bodies, raw paths and query strings', async () => {
    const lambda = handle(pipeline.app);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(answerPath, `${complaintBase}/resolve`, unsubscribePath),
        oddText,
        contentType,
        fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('%%%', 'score=%E0%A4', '--xyz\r\n', '\u0000\uffff')),
        fc.boolean(),
        fc.constantFrom('GET', 'POST'),
        async (path, query, type, data, base64, method) => {
          const event = {
            version: '2.0',
            routeKey: '$default',
            rawPath: path,
            rawQueryString: `score=${query}`,
            headers: { host: 'abc123.execute-api.eu-west-2.amazonaws.com', 'content-type': type, 'user-agent': 'fuzzer' },
            requestContext: { domainName: 'abc123.execute-api.eu-west-2.amazonaws.com', requestId: 'r', stage: '$default', timeEpoch: now.getTime(), http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'fuzzer' } },
            ...(method === 'POST' ? { body: base64 ? Buffer.from(data).toString('base64') : data } : {}),
            isBase64Encoded: base64,
          } as unknown as LambdaEvent;
          expect((await lambda(event, { awsRequestId: 'r' } as Context)).statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });
});
