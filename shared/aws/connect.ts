import { createAwsJsonClient, type AwsJsonClient, type AwsJsonService } from './aws-json-client.ts';
import { credentialsFromEnvironment, regionFromEnvironment, type CredentialsProvider } from './credentials.ts';

export interface AwsConnection {
  /** An emulator's URL (DynamoDB Local, the SES emulator); the Region's service when absent. */
  readonly endpoint?: string | undefined;
  /** @default `AWS_REGION`, the Region Lambda runs the function in */
  readonly region?: string;
  /** @default the credentials Lambda gives the function (its execution role) */
  readonly credentials?: CredentialsProvider;
  /** @default 3 */
  readonly maxAttempts?: number;
}

// Emulators ignore signatures but still want a well-formed one.
const EMULATOR_CREDENTIALS: CredentialsProvider = async () => ({ accessKeyId: 'local', secretAccessKey: 'local' });

/**
 * A client for `service`: at an emulator with placeholder Region and credentials, or the
 * real service in the function's own Region, signed with its execution role. The one place
 * that choice is made, for the Lambdas, the local stack, the CLI and the tests alike.
 */
export function connectAws(service: AwsJsonService, connection: AwsConnection = {}): AwsJsonClient {
  const local = connection.endpoint !== undefined;
  return createAwsJsonClient({
    service,
    endpoint: connection.endpoint,
    region: connection.region ?? (local ? 'local' : regionFromEnvironment()),
    credentials: connection.credentials ?? (local ? EMULATOR_CREDENTIALS : credentialsFromEnvironment()),
    ...(connection.maxAttempts ? { maxAttempts: connection.maxAttempts } : {}),
  });
}
