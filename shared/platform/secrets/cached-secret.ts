import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientConfig, type CallBudget } from '../aws-clients.ts';

/** How long a function keeps a secret before reading it again: a change reaches warm functions within this. */
export const SECRET_REFRESH_MS = 5 * 60_000;

/**
 * A secret from Secrets Manager, read on first use (never at import, so a cold start makes no
 * network call until a request needs it; the client is built then too) and read again every
 * few minutes. A failed first read is not kept; a failed re-read keeps serving the value held.
 * `check` refuses a value the caller cannot use (its message must not quote the value).
 */
export function cachedSecret(secretId: string, budget: CallBudget, options: { check?: (value: string) => void; clock?: () => number; client?: () => SecretsManagerClient } = {}): () => Promise<string> {
  const clock = options.clock ?? Date.now;
  let client: SecretsManagerClient | undefined;
  let held: { value: Promise<string>; fetchedAt: number } | undefined;
  const read = async () => {
    client ??= options.client?.() ?? new SecretsManagerClient(awsClientConfig({}, budget));
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    options.check?.(SecretString ?? '');
    return SecretString ?? '';
  };
  return () => {
    const now = clock();
    if (!held) {
      const value = read().catch((error: unknown) => {
        held = undefined;
        throw error;
      });
      held = { value, fetchedAt: now };
    } else if (now - held.fetchedAt >= SECRET_REFRESH_MS) {
      const previous = held.value;
      held = { value: read().catch(() => previous), fetchedAt: now };
    }
    return held.value;
  };
}
