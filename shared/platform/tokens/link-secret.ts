import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientConfig, type CallBudget } from '../aws-clients.ts';
import { parseKeyring } from './link-keys.ts';

/**
 * How long a function keeps the secret before reading it again. A rotated key becomes the
 * signing key only after LINK_KEY_ACTIVATION_DELAY_SECONDS, which is longer, so every running
 * function knows a key before any link signed with it can reach it.
 */
export const LINK_SECRET_REFRESH_MS = 5 * 60_000;
export const LINK_KEY_ACTIVATION_DELAY_SECONDS = 15 * 60;

/**
 * The link-signing secret, fetched from Secrets Manager on first use (never at import, so a
 * cold start makes no network call until a request needs it) and re-read every few minutes
 * so a rotation reaches warm functions. A failed fetch is not kept; a failed re-read keeps
 * serving the secret already held.
 */
export function linkSecretFrom(secretArn: string, budget: CallBudget, clock: () => number = Date.now): () => Promise<string> {
  let client: SecretsManagerClient | undefined;
  let held: { value: Promise<string>; fetchedAt: number } | undefined;
  const fetch = () => readLinkSecret((client ??= new SecretsManagerClient(awsClientConfig({}, budget))), secretArn);
  return () => {
    const now = clock();
    if (!held) {
      const value = fetch().catch((error: unknown) => {
        held = undefined;
        throw error;
      });
      held = { value, fetchedAt: now };
    } else if (now - held.fetchedAt >= LINK_SECRET_REFRESH_MS) {
      const previous = held.value;
      const value = fetch().catch(() => previous);
      held = { value, fetchedAt: now };
    }
    return held.value;
  };
}

/** Reads the secret's text from Secrets Manager, refusing one that holds no usable key. */
export async function readLinkSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  parseKeyring(SecretString ?? '');
  return SecretString!;
}
