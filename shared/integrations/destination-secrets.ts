import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientConfig, type CallBudget } from '../platform/aws-clients.ts';
import type { TDestination } from './destinations.ts';

/** How long a read secret is kept: an admin who stores a channel's URL sees it used within minutes. */
const SECRET_CACHE_MS = 5 * 60_000;

/**
 * Destination secrets from Secrets Manager (a webhook's signing key, a channel's URL), read on
 * first use and kept for a few minutes. A secret's value is never logged.
 */
export function secretsManagerSecrets(budget: CallBudget): (destination: TDestination) => Promise<string> {
  let client: SecretsManagerClient | undefined;
  const cache = new Map<string, { value: Promise<string>; until: number }>();
  return (destination) => {
    const hit = cache.get(destination.secret);
    if (hit && hit.until > Date.now()) return hit.value;
    client ??= new SecretsManagerClient(awsClientConfig({}, budget));
    const value = client.send(new GetSecretValueCommand({ SecretId: destination.secret })).then(({ SecretString }) => SecretString ?? '');
    value.catch(() => cache.delete(destination.secret));
    cache.set(destination.secret, { value, until: Date.now() + SECRET_CACHE_MS });
    return value;
  };
}
