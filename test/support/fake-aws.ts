import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the SDK made, as the fake endpoint received it. */
export interface CaughtRequest {
  readonly service: string;
  /** `Action` of a query-protocol call, the `X-Amz-Target` operation of a JSON one, or the REST path. */
  readonly operation: string;
  readonly path: string;
  readonly body: string;
}

export type FakeAnswer = { status?: number; contentType?: string; headers?: Record<string, string>; body: string };
export type FakeHandler = (request: CaughtRequest) => FakeAnswer | undefined | Promise<FakeAnswer | undefined>;

/**
 * An HTTP endpoint the AWS SDK is pointed at through its own `AWS_ENDPOINT_URL_<SERVICE>`
 * variables, so a deployed-stack path can be run without AWS: it records every request and
 * answers with what `handler` returns (a 400 when it returns nothing). Each service gets its
 * own path prefix, so one server tells them apart.
 */
export async function startFakeAws(services: readonly string[], handler: FakeHandler, options: { region?: string; accessKeyId?: string } = {}) {
  const caught: CaughtRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const [, service = '', ...rest] = (req.url ?? '/').split('?')[0]!.split('/');
    const path = `/${rest.join('/')}`;
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target ? target.split('.').pop()! : (new URLSearchParams(body).get('Action') ?? path);
    const request = { service, operation, path, body };
    caught.push(request);
    const answer = (await handler(request)) ?? { status: 400, contentType: 'application/json', body: JSON.stringify({ __type: 'ValidationException', message: `fake AWS has no answer for ${service} ${operation}` }) };
    res.writeHead(answer.status ?? 200, { 'content-type': answer.contentType ?? 'application/json', 'x-amzn-requestid': 'fake', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const saved = new Map<string, string | undefined>();
  const env: Record<string, string> = { AWS_REGION: options.region ?? 'eu-west-2', AWS_ACCESS_KEY_ID: options.accessKeyId ?? 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_SESSION_TOKEN: 'fake' };
  for (const service of services) env[`AWS_ENDPOINT_URL_${service.toUpperCase().replace(/-/g, '_')}`] = `${url}/${service}`;
  for (const [key, value] of Object.entries(env)) {
    saved.set(key, process.env[key]);
    process.env[key] = value;
  }
  return {
    url,
    caught,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const [key, value] of saved) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
        server.close(() => resolve());
      }),
  };
}

/** A CloudFormation DescribeStacks answer (query protocol, XML) with these outputs. */
export function describeStacksXml(stackName: string, outputs: Record<string, string>): FakeAnswer {
  const members = Object.entries(outputs)
    .map(([key, value]) => `<member><OutputKey>${key}</OutputKey><OutputValue>${value}</OutputValue></member>`)
    .join('');
  return {
    contentType: 'text/xml',
    body: `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member><StackName>${stackName}</StackName><StackStatus>UPDATE_COMPLETE</StackStatus><CreationTime>2026-11-01T00:00:00Z</CreationTime><Outputs>${members}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></DescribeStacksResponse>`,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}
