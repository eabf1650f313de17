import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { readEnv } from '../config/runtime-env.ts';
import { awsClientConfig, CALL_BUDGETS, type CallBudget } from '../platform/aws-clients.ts';

let cached: Promise<string> | undefined;

/**
 * The link-signing secret: `LINK_SECRET` on the local stack, otherwise fetched once from
 * Secrets Manager on first use (never at import, so a cold start makes no network call
 * until a request needs it). The client is built on that first use too.
 */
export function linkSecret(budget: CallBudget = CALL_BUDGETS.interactive): Promise<string> {
  cached ??= load(budget).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(budget: CallBudget): Promise<string> {
  const env = readEnv([], ['linkSecret', 'linkSecretArn']);
  if (env.linkSecret) return env.linkSecret;
  if (!env.linkSecretArn) throw new Error('LINK_SECRET_ARN or LINK_SECRET must be set');
  return readLinkSecret(new SecretsManagerClient(awsClientConfig({}, budget)), env.linkSecretArn);
}

/** Reads the secret's text from Secrets Manager, refusing one too short to sign with. */
export async function readLinkSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString || SecretString.length < 32) throw new Error('the link-signing secret is empty or too short');
  return SecretString;
}
