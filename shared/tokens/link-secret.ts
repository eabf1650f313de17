import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readEnv } from '../config/runtime-env.ts';

let cached: Promise<string> | undefined;

/**
 * The link-signing secret: `LINK_SECRET` on the local stack, otherwise fetched once from
 * Secrets Manager on first use (never at import, so a cold start makes no network call
 * until a request needs it).
 */
export function linkSecret(): Promise<string> {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(): Promise<string> {
  const env = readEnv([], ['linkSecret', 'linkSecretArn']);
  if (env.linkSecret) return env.linkSecret;
  if (!env.linkSecretArn) throw new Error('LINK_SECRET_ARN or LINK_SECRET must be set');
  const { SecretString } = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: env.linkSecretArn }));
  if (!SecretString || SecretString.length < 32) throw new Error('the link-signing secret is empty or too short');
  return SecretString;
}
