import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface HttpRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Gives up when the socket is idle this long (connecting, or waiting for the answer). */
  readonly timeoutMs: number;
}

/** Sends one request; rejects on network errors and timeouts, resolves with any HTTP status. */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** A network failure or timeout: worth retrying, as the request may never have arrived. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

// Connections are kept open between invocations: a TLS handshake costs more than a DynamoDB call.
const agents = { http: new HttpAgent({ keepAlive: true, maxSockets: 50 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 50 }) };

/**
 * node:http(s) rather than fetch: Node loads its fetch implementation on first use, which
 * costs a cold start about 30 ms; the http modules are part of Node's startup snapshot.
 */
export const nodeHttpTransport: HttpTransport = (request) =>
  new Promise((resolve, reject) => {
    const secure = request.url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const req = send(
      request.url,
      { method: request.method, headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) }, agent: secure ? agents.https : agents.http, timeout: request.timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(new NetworkError(`response from ${request.url.host} broke off: ${error.message}`)));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('timeout', () => req.destroy(new NetworkError(`no answer from ${request.url.host} within ${request.timeoutMs} ms`)));
    req.on('error', (error) => reject(error instanceof NetworkError ? error : new NetworkError(`cannot reach ${request.url.host}: ${error.message}`)));
    req.end(request.body);
  });
