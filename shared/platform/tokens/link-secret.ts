import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientConfig, type CallBudget } from '../aws-clients.ts';

/**
 * The link-signing secret, fetched from Secrets Manager on first use and kept for the life of
 * the container (never at import, so a cold start makes no network call until a request
 * needs it; the client is built on that first use too). A failed fetch is not kept.
 */
export function linkSecretFrom(secretArn: string, budget: CallBudget): () => Promise<string> {
  let cached: Promise<string> | undefined;
  return () => {
    cached ??= readLinkSecret(new SecretsManagerClient(awsClientConfig({}, budget)), secretArn).catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return cached;
  };
}

/** Reads the secret's text from Secrets Manager, refusing one too short to sign with. */
export async function readLinkSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!SecretString || SecretString.length < 32) throw new Error('the link-signing secret is empty or too short');
  return SecretString;
}
