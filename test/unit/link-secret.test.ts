import { afterEach, describe, expect, it } from 'vitest';
import { CALL_BUDGETS } from '../../shared/platform/aws-clients.ts';
import { LINK_KEY_ACTIVATION_DELAY_SECONDS, LINK_SECRET_REFRESH_MS, linkSecretFrom } from '../../shared/platform/tokens/link-secret.ts';
import { startFakeAws } from '../support/fake-aws.ts';

/**
 * Secrets Manager has no local emulator: the fake endpoint answers GetSecretValue with what
 * the test says the secret holds now (or fails), reached through the SDK's own AWS_ENDPOINT_URL_*.
 */
async function secretsManager() {
  const state = { secret: 'first-'.padEnd(40, 'x'), fail: false };
  const fake = await startFakeAws(['secrets-manager'], () =>
    state.fail ? { status: 500, body: JSON.stringify({ __type: 'InternalServiceError', message: 'down' }) } : { body: JSON.stringify({ SecretString: state.secret }) },
  );
  stops.push(fake.stop);
  return { state, reads: () => fake.caught.filter((r) => r.operation === 'GetSecretValue').length };
}
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
const ARN = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:links';

describe('the link secret in a warm function', () => {
  it('is read once, then again after the refresh interval, so a rotated key reaches running functions before it signs', async () => {
    const fake = await secretsManager();
    let now = 0;
    const secret = linkSecretFrom(ARN, CALL_BUDGETS.interactive, () => now);
    expect(await secret()).toMatch(/^first-/);
    fake.state.secret = 'rotated-'.padEnd(40, 'x');
    now = LINK_SECRET_REFRESH_MS - 1;
    expect(await secret()).toMatch(/^first-/);
    expect(fake.reads()).toBe(1);
    now = LINK_SECRET_REFRESH_MS;
    expect(await secret()).toMatch(/^rotated-/);
    expect(LINK_SECRET_REFRESH_MS / 1000).toBeLessThan(LINK_KEY_ACTIVATION_DELAY_SECONDS);
  });

  it('keeps serving the secret it holds when a re-read fails, and refuses a secret too short to sign with', async () => {
    const fake = await secretsManager();
    let now = 0;
    const secret = linkSecretFrom(ARN, CALL_BUDGETS.interactive, () => now);
    expect(await secret()).toMatch(/^first-/);
    fake.state.fail = true;
    now = LINK_SECRET_REFRESH_MS;
    expect(await secret()).toMatch(/^first-/);
    fake.state.fail = false;
    fake.state.secret = 'short';
    await expect(linkSecretFrom(ARN, CALL_BUDGETS.interactive)()).rejects.toThrow(/too short/);
  });
});
