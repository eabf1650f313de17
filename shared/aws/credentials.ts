/** What a request is signed with. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

/** Called before each request; a provider that refreshes (the CLI's profile chain) caches by itself. */
export type CredentialsProvider = () => Promise<AwsCredentials>;

/**
 * The credentials Lambda gives a function in its environment (its execution role's session).
 * Read on each call, so a runtime that renews them is followed.
 */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv = process.env): CredentialsProvider {
  return async () => {
    const accessKeyId = env['AWS_ACCESS_KEY_ID'];
    const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
    if (!accessKeyId || !secretAccessKey) throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to call AWS');
    return { accessKeyId, secretAccessKey, sessionToken: env['AWS_SESSION_TOKEN'] || undefined };
  };
}

/** The region Lambda runs the function in. */
export function regionFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  const region = env['AWS_REGION'] || env['AWS_DEFAULT_REGION'];
  if (!region) throw new Error('AWS_REGION must be set to call AWS');
  return region;
}
