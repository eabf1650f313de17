import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsServiceError, createAwsJsonClient, DYNAMODB, SECRETS_MANAGER, SES_V2, SQS } from '../../shared/aws/aws-json-client.ts';
import { isPermanentSendError, sesMailer } from '../../shared/mail/mailer.ts';
import { NetworkError, nodeHttpTransport, type HttpRequest, type HttpResponse } from '../../shared/aws/http-transport.ts';
import { readLinkSecret } from '../../shared/tokens/link-secret.ts';
import { sqsQueue } from '../../shared/queue/sqs-queue.ts';

// DynamoDB Local answers every request correctly and has no SQS or Secrets Manager beside it,
// so these tests put a scripted transport where the network would be: the one place the
// client's handling of throttling, 5xx, clock skew and the other services' wire format can be seen.

const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' });

function scripted(...answers: Array<Partial<HttpResponse> | Error>) {
  const requests: HttpRequest[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    requests.push(request);
    const answer = answers.shift() ?? {};
    if (answer instanceof Error) throw answer;
    return { status: 200, headers: {}, body: '{}', ...answer };
  };
  return { requests, transport };
}

const error = (status: number, type: string, message = 'no') => ({ status, body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }) });

describe('the AWS JSON client', () => {
  it('posts a signed JSON 1.0 request to the Region’s endpoint and returns the parsed answer', async () => {
    const { requests, transport } = scripted({ body: '{"Item":{"pk":{"S":"a"}}}' });
    const client = createAwsJsonClient({ service: DYNAMODB, region: 'eu-west-2', credentials, transport });
    expect(await client.call('GetItem', { TableName: 't' })).toEqual({ Item: { pk: { S: 'a' } } });
    const [request] = requests;
    expect(request!.url.href).toBe('https://dynamodb.eu-west-2.amazonaws.com/');
    expect(request!.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem', 'x-amz-security-token': 'token' });
    expect(request!.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/);
    expect(JSON.parse(request!.body)).toEqual({ TableName: 't' });
  });

  it('names an error answer by its code, as the SDK does, and does not retry a refused condition', async () => {
    const { requests, transport } = scripted(error(400, 'ConditionalCheckFailedException', 'The conditional request failed'));
    const client = createAwsJsonClient({ service: DYNAMODB, region: 'eu-west-2', credentials, transport });
    const failure = await client.call('PutItem', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AwsServiceError);
    expect(failure).toMatchObject({ name: 'ConditionalCheckFailedException', message: 'The conditional request failed', status: 400 });
    expect(requests).toHaveLength(1);
  });

  it('retries throttling, 5xx and network failures, and succeeds when a retry does', async () => {
    const { requests, transport } = scripted(error(400, 'ProvisionedThroughputExceededException'), new NetworkError('reset'), { body: '{"ok":true}' });
    const client = createAwsJsonClient({ service: DYNAMODB, region: 'eu-west-2', credentials, transport, maxAttempts: 3 });
    expect(await client.call('Query', {})).toEqual({ ok: true });
    expect(requests).toHaveLength(3);
  });

  it('gives up after its attempts with the last error', async () => {
    const { requests, transport } = scripted(error(500, 'InternalServerError'), error(503, 'ServiceUnavailable', 'still down'), error(500, 'InternalServerError'));
    const client = createAwsJsonClient({ service: DYNAMODB, region: 'eu-west-2', credentials, transport, maxAttempts: 2 });
    await expect(client.call('Query', {})).rejects.toMatchObject({ name: 'ServiceUnavailable', message: 'still down' });
    expect(requests).toHaveLength(2);
  });

  it('reads the code from x-amzn-ErrorType and survives a body that is not JSON', async () => {
    const { transport } = scripted({ status: 403, headers: { 'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/' }, body: '<html>denied</html>' });
    const client = createAwsJsonClient({ service: SQS, region: 'eu-west-2', credentials, transport });
    await expect(client.call('SendMessageBatch', {})).rejects.toMatchObject({ name: 'AccessDeniedException', message: 'sqs answered HTTP 403' });
  });

  it('corrects its clock when AWS refuses a signature for its time, and retries', async () => {
    const serverTime = new Date(Date.now() + 60 * 60_000);
    const { requests, transport } = scripted({ ...error(400, 'InvalidSignatureException', 'Signature expired'), headers: { date: serverTime.toUTCString() } }, {});
    const client = createAwsJsonClient({ service: DYNAMODB, region: 'eu-west-2', credentials, transport });
    await client.call('GetItem', {});
    expect(requests).toHaveLength(2);
    const signedAt = Date.parse(requests[1]!.headers['x-amz-date']!.replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'));
    expect(Math.abs(signedAt - serverTime.getTime())).toBeLessThan(60_000);
  });

  it('speaks JSON 1.1 to Secrets Manager and refuses a link secret too short to sign with', async () => {
    const long = scripted({ body: JSON.stringify({ SecretString: 's'.repeat(48) }) });
    const client = createAwsJsonClient({ service: SECRETS_MANAGER, region: 'eu-west-2', credentials, transport: long.transport });
    expect(await readLinkSecret(client, 'arn:secret')).toBe('s'.repeat(48));
    expect(long.requests[0]!.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' });
    expect(JSON.parse(long.requests[0]!.body)).toEqual({ SecretId: 'arn:secret' });

    const short = scripted({ body: JSON.stringify({ SecretString: 'short' }) });
    await expect(readLinkSecret(createAwsJsonClient({ service: SECRETS_MANAGER, region: 'eu-west-2', credentials, transport: short.transport }), 'arn:secret')).rejects.toThrow(/too short/);
  });

  it('sends raw mail to SES API v2 by its REST path, retries its throttling, and names a rejection as permanent', async () => {
    const { requests, transport } = scripted(
      { status: 429, headers: { 'x-amzn-errortype': 'TooManyRequestsException' }, body: '{"message":"Maximum sending rate exceeded."}' },
      { body: '{"MessageId":"0100-abc"}' },
      { status: 400, headers: { 'x-amzn-errortype': 'MessageRejected' }, body: '{"message":"Email address is not verified."}' },
    );
    const mailer = sesMailer({ configurationSet: 'feedback', client: createAwsJsonClient({ service: SES_V2, region: 'eu-west-2', credentials, transport }) });
    const raw = Buffer.from('From: a@x.example\r\nTo: b@y.example\r\nSubject: Hi\r\n\r\nHello');
    expect(await mailer.sendRaw(raw)).toEqual({ messageId: '0100-abc' });
    expect(requests).toHaveLength(2);
    expect(requests[1]!.url.href).toBe('https://email.eu-west-2.amazonaws.com/v2/email/outbound-emails');
    expect(requests[1]!.headers['content-type']).toBe('application/json');
    expect(requests[1]!.headers['x-amz-target']).toBeUndefined();
    expect(requests[1]!.headers['authorization']).toMatch(/\/eu-west-2\/ses\/aws4_request/);
    expect(JSON.parse(requests[1]!.body)).toEqual({ Content: { Raw: { Data: raw.toString('base64') } }, ConfigurationSetName: 'feedback' });

    const rejected = await mailer.sendRaw(raw).catch((e: unknown) => e);
    expect(rejected).toMatchObject({ name: 'MessageRejected' });
    expect(isPermanentSendError(rejected)).toBe(true);
  });

  it('sends SQS batches of ten and sends again only the entries SQS failed', async () => {
    const { requests, transport } = scripted({}, { body: JSON.stringify({ Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] }) }, {});
    const queue = sqsQueue<{ n: number }>('https://sqs.eu-west-2.amazonaws.com/111122223333/q', createAwsJsonClient({ service: SQS, region: 'eu-west-2', credentials, transport }));
    await queue.send(Array.from({ length: 12 }, (_, n) => ({ n })));
    const bodies = requests.map((r) => JSON.parse(r.body) as { QueueUrl: string; Entries: Array<{ Id: string; MessageBody: string }> });
    expect(requests[0]!.headers['x-amz-target']).toBe('AmazonSQS.SendMessageBatch');
    expect(bodies.map((b) => b.Entries.length)).toEqual([10, 2, 1]);
    expect(bodies[2]!.Entries).toEqual([{ Id: '1', MessageBody: '{"n":11}' }]);
    expect(bodies.every((b) => b.QueueUrl === 'https://sqs.eu-west-2.amazonaws.com/111122223333/q')).toBe(true);
  });
});

describe('the node:http transport', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('gives up on a server that does not answer, as a network error the client retries', async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const started = Date.now();
    const attempt = nodeHttpTransport({ url: new URL(`http://127.0.0.1:${port}/`), method: 'POST', headers: {}, body: '{}', timeoutMs: 200 });
    await expect(attempt).rejects.toBeInstanceOf(NetworkError);
    expect(Date.now() - started).toBeLessThan(2000);
    server.closeAllConnections();
  });
});
