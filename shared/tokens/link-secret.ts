import { SECRETS_MANAGER, type AwsJsonClient } from '../aws/aws-json-client.ts';
import { connectAws } from '../aws/connect.ts';
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
  return readLinkSecret(connectAws(SECRETS_MANAGER), env.linkSecretArn);
}

/** Reads the secret's text from Secrets Manager, refusing one too short to sign with. */
export async function readLinkSecret(client: AwsJsonClient, secretId: string): Promise<string> {
  const { SecretString } = await client.call<{ SecretString?: string }>('GetSecretValue', { SecretId: secretId });
  if (!SecretString || SecretString.length < 32) throw new Error('the link-signing secret is empty or too short');
  return SecretString;
}
