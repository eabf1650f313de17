import type { CallBudget } from '../platform/aws-clients.ts';
import { cachedSecret } from '../platform/secrets/cached-secret.ts';
import type { TDestination } from './destinations.ts';

/**
 * Destination secrets from Secrets Manager (a webhook's signing key, a channel's URL), each read
 * on first use and again every few minutes, so an admin who stores a channel's URL sees it used
 * within minutes. A secret's value is never logged.
 */
export function secretsManagerSecrets(budget: CallBudget): (destination: TDestination) => Promise<string> {
  const secrets = new Map<string, () => Promise<string>>();
  return (destination) => {
    let secret = secrets.get(destination.secret);
    if (!secret) secrets.set(destination.secret, (secret = cachedSecret(destination.secret, budget)));
    return secret();
  };
}
