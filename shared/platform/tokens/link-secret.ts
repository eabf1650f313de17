import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CALL_BUDGETS, type CallBudget } from '../aws-clients.ts';
import { cachedSecret, SECRET_REFRESH_MS } from '../secrets/cached-secret.ts';
import { parseKeyring } from './link-keys.ts';

/** How often warm functions re-read the link-signing secret. */
export const LINK_SECRET_REFRESH_MS = SECRET_REFRESH_MS;
/**
 * A rotated key becomes the signing key only after this, longer than the refresh, so every
 * running function knows a key before any link signed with it can reach it.
 */
export const LINK_KEY_ACTIVATION_DELAY_SECONDS = 15 * 60;

/** The link-signing secret (one key, or the keyring rotation leaves), refusing one that holds no usable key. */
export function linkSecretFrom(secretArn: string, budget: CallBudget, clock?: () => number): () => Promise<string> {
  return cachedSecret(secretArn, budget, { check: (value) => void parseKeyring(value), ...(clock ? { clock } : {}) });
}

/** One read of the link-signing secret through `client` (the CLI's, with the caller's credentials). */
export function readLinkSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  return cachedSecret(secretId, CALL_BUDGETS.admin, { check: (value) => void parseKeyring(value), client: () => client })();
}
