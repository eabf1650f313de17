import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { awsClientConfig, CALL_BUDGETS, worstCaseMs } from '../../shared/platform/aws-clients.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** The URL and headers a client would call with, caught after signing and before anything is sent. */
async function requestOf(client: DynamoDBClient): Promise<{ host: string; headers: Record<string, string> }> {
  const caught = Object.assign(new Error('caught before sending'), { name: 'CaughtBeforeSending' });
  let seen: { host: string; headers: Record<string, string> } | undefined;
  client.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { hostname: string; headers: Record<string, string> };
      seen = { host: request.hostname, headers: request.headers };
      throw caught;
    },
    { step: 'finalizeRequest', name: 'catchRequest', priority: 'low' },
  );
  await expect(client.send(new ListTablesCommand({}))).rejects.toBe(caught);
  return seen!;
}

describe('the AWS client configuration', () => {
  it('in Lambda: the function’s Region, its environment credentials, and the product named in the User-Agent', async () => {
    Object.assign(process.env, { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    const request = await requestOf(new DynamoDBClient(awsClientConfig({}, CALL_BUDGETS.interactive)));
    expect(request.host).toBe('dynamodb.eu-west-2.amazonaws.com');
    expect(request.headers['authorization']).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/dynamodb\//);
    expect(request.headers['x-amz-security-token']).toBe('token');
    expect(request.headers['user-agent']).toContain('app/feedback-pipeline');
  });

  it.each([
    ['AWS_USE_FIPS_ENDPOINT', 'dynamodb-fips.us-east-1.amazonaws.com'],
    ['AWS_USE_DUALSTACK_ENDPOINT', 'dynamodb.us-east-1.api.aws'],
  ])('honours the SDK’s own %s', async (variable, host) => {
    Object.assign(process.env, { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', [variable]: 'true' });
    expect((await requestOf(new DynamoDBClient(awsClientConfig({}, CALL_BUDGETS.interactive)))).host).toBe(host);
  });

  it('honours AWS_ENDPOINT_URL_DYNAMODB when no emulator is named', async () => {
    Object.assign(process.env, { AWS_REGION: 'eu-west-2', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', AWS_ENDPOINT_URL_DYNAMODB: 'http://dynamodb.internal.example:8000' });
    expect((await requestOf(new DynamoDBClient(awsClientConfig({}, CALL_BUDGETS.interactive)))).host).toBe('dynamodb.internal.example');
  });

  it('refuses to start without a Region rather than guessing one', () => {
    delete process.env['AWS_REGION'];
    delete process.env['AWS_DEFAULT_REGION'];
    expect(() => awsClientConfig({}, CALL_BUDGETS.interactive)).toThrow(/AWS_REGION/);
  });

  it('keeps the answer function’s worst call well inside its 10 s timeout', () => {
    expect(worstCaseMs(CALL_BUDGETS.interactive)).toBe(2 * (500 + 1_500) + 1_000);
    expect(worstCaseMs(CALL_BUDGETS.interactive)).toBeLessThanOrEqual(5_000);
  });
});
