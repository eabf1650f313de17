import { createHash, createHmac } from 'node:crypto';
import type { AwsCredentials } from './credentials.ts';

/** An HTTP request about to be sent to an AWS service. Header names are lower case. */
export interface UnsignedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface SigningScope {
  readonly region: string;
  /** The signing name: `dynamodb`, `sqs`, `secretsmanager`… */
  readonly service: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Signs a request with AWS Signature Version 4 (header form) and returns the headers to send:
 * the request's own plus `host`, `x-amz-date`, `x-amz-security-token` (for temporary
 * credentials) and `authorization`. Every header given is signed.
 */
export function signRequest(request: UnsignedRequest, credentials: AwsCredentials, scope: SigningScope, now: Date): Record<string, string> {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { ...lowerCaseKeys(request.headers), host: request.url.host, 'x-amz-date': amzDate };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;

  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method,
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}\n`).join(''),
    signedHeaders,
    sha256Hex(request.body),
  ].join('\n');
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const signature = createHmac('sha256', signingKey(credentials.secretAccessKey, day, scope)).update(stringToSign, 'utf8').digest('hex');
  headers['authorization'] = `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

// The derived key depends only on the secret, the day and the scope: computing it once per day
// saves four HMACs per request.
let cachedKey: { id: string; key: Buffer } | undefined;

function signingKey(secret: string, day: string, scope: SigningScope): Buffer {
  const id = `${secret}\n${day}\n${scope.region}\n${scope.service}`;
  if (cachedKey?.id !== id) {
    const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
    cachedKey = { id, key: hmac(hmac(hmac(hmac(`AWS4${secret}`, day), scope.region), scope.service), 'aws4_request') };
  }
  return cachedKey.key;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** RFC 3986 encoding, as SigV4 wants it: everything but unreserved characters is escaped. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// Services other than S3 sign the path with each segment encoded twice: once as it is sent
// (URL already did that) and once more here.
function canonicalPath(pathname: string): string {
  return pathname.split('/').map((segment) => uriEncode(segment)).join('/') || '/';
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}
