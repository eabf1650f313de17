import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let cached: Promise<string> | undefined;

/** The product's link secret read with the AWS SDK v3 (benchmark baseline only). */
export function linkSecret(): Promise<string> {
  cached ??= new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: process.env['LINK_SECRET_ARN'] })).then(({ SecretString }) => SecretString ?? '');
  return cached;
}
