import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALL_BUDGETS } from '../../shared/platform/aws-clients.ts';
import { LINK_KEY_ACTIVATION_DELAY_SECONDS, LINK_SECRET_REFRESH_MS, linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';

/**
 * Secrets Manager has no local emulator: a stand-in answers GetSecretValue with whatever the
 * test says the secret holds now (or fails), reached through the SDK's own AWS_ENDPOINT_URL_*.
 */
async function secretsManagerStandIn() {
  const state = { secret: 'first-'.padEnd(40, 'x'), fail: false, calls: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.calls++;
      if (state.fail) res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'InternalServiceError', message: 'down' }));
      else res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ SecretString: state.secret }));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv('AWS_REGION', 'eu-west-2');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'example');
  return { state, close: () => server.close() };
}

afterEach(() => vi.unstubAllEnvs());

describe('the link secret in a warm function', () => {
  it('is read once, then again after the refresh interval, so a rotated key reaches running functions before it signs', async () => {
    const standIn = await secretsManagerStandIn();
    let now = 0;
    const secret = linkSecretFrom('arn:aws:secretsmanager:eu-west-2:111122223333:secret:links', CALL_BUDGETS.interactive, () => now);
    expect(await secret()).toMatch(/^first-/);
    standIn.state.secret = 'rotated-'.padEnd(40, 'x');
    now = LINK_SECRET_REFRESH_MS - 1;
    expect(await secret()).toMatch(/^first-/);
    expect(standIn.state.calls).toBe(1);
    now = LINK_SECRET_REFRESH_MS;
    expect(await secret()).toMatch(/^rotated-/);
    expect(LINK_SECRET_REFRESH_MS / 1000).toBeLessThan(LINK_KEY_ACTIVATION_DELAY_SECONDS);
    standIn.close();
  });

  it('keeps serving the secret it holds when a re-read fails', async () => {
    const standIn = await secretsManagerStandIn();
    let now = 0;
    const secret = linkSecretFrom('arn:aws:secretsmanager:eu-west-2:111122223333:secret:links', CALL_BUDGETS.interactive, () => now);
    expect(await secret()).toMatch(/^first-/);
    standIn.state.fail = true;
    now = LINK_SECRET_REFRESH_MS;
    expect(await secret()).toMatch(/^first-/);
    standIn.close();
  });
});
