import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../shared/aws/sign-request.ts';

const EXAMPLE_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const toBytes = (data: string | ArrayBuffer | ArrayBufferView) =>
  typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** The AWS SDK's signer wants a hash class; node:crypto provides it. */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.hash.update(toBytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

async function sdkAuthorization(request: { url: URL; headers: Record<string, string>; body: string; method: string }, credentials: typeof EXAMPLE_CREDENTIALS & { sessionToken?: string }, region: string, service: string, at: Date) {
  const signer = new SignatureV4({ credentials, region, service, sha256: NodeSha256, applyChecksum: false });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: request.url.protocol,
      hostname: request.url.hostname,
      path: request.url.pathname,
      query: Object.fromEntries(request.url.searchParams),
      headers: { ...request.headers, host: request.url.host },
      body: request.body,
    } as never,
    { signingDate: at },
  );
  return (signed as unknown as { headers: Record<string, string> }).headers['authorization'];
}

describe('SigV4 signing', () => {
  it('matches the published AWS example (IAM ListUsers, 2015-08-30)', () => {
    const headers = signRequest(
      { method: 'GET', url: new URL('https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: '' },
      EXAMPLE_CREDENTIALS,
      { region: 'us-east-1', service: 'iam' },
      new Date('2015-08-30T12:36:00Z'),
    );
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
  });

  it('signs a DynamoDB request exactly as the AWS SDK does, with temporary credentials', async () => {
    const request = { method: 'POST', url: new URL('https://dynamodb.eu-west-2.amazonaws.com/'), headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' }, body: '{"TableName":"t","Key":{"pk":{"S":"a"}}}' };
    const credentials = { ...EXAMPLE_CREDENTIALS, sessionToken: 'session/token+with=odd chars' };
    const at = new Date('2026-11-23T10:11:12Z');
    const ours = signRequest(request, credentials, { region: 'eu-west-2', service: 'dynamodb' }, at);
    expect(ours['x-amz-security-token']).toBe(credentials.sessionToken);
    expect(ours['authorization']).toBe(await sdkAuthorization(request, credentials, 'eu-west-2', 'dynamodb', at));
  });

  it('agrees with the AWS SDK for any path, query, headers, body and time', async () => {
    const segment = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== '.' && s !== '..');
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 3 }),
        fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_.~-]{0,8}$/), fc.string({ maxLength: 10 })), { maxLength: 3 }),
        fc.dictionary(fc.stringMatching(/^x-[a-z]{1,8}$/), fc.string({ minLength: 1, maxLength: 20 }).filter((v) => v.trim().length > 0 && !/[\r\n]/.test(v)), { maxKeys: 3 }),
        fc.string({ maxLength: 200 }),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        async (segments, query, headers, body, at) => {
          const url = new URL('https://sqs.eu-west-2.amazonaws.com/');
          url.pathname = `/${segments.map(encodeURIComponent).join('/')}`;
          for (const [name, value] of query) url.searchParams.append(name, value);
          // The SDK's signer keeps one value per query name; compare on requests it can represent.
          fc.pre(new Set(query.map(([name]) => name)).size === query.length);
          const at0 = new Date(Math.floor(at.getTime() / 1000) * 1000);
          const request = { method: 'POST', url, headers, body };
          expect(signRequest(request, EXAMPLE_CREDENTIALS, { region: 'eu-west-2', service: 'sqs' }, at0)['authorization']).toBe(
            await sdkAuthorization(request, EXAMPLE_CREDENTIALS, 'eu-west-2', 'sqs', at0),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
