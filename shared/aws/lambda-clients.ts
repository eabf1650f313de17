import { createAwsJsonClient, type AwsJsonClient, type AwsJsonService } from './aws-json-client.ts';
import { credentialsFromEnvironment, regionFromEnvironment } from './credentials.ts';

/** A client for `service` in the function's own Region, signed with its execution role. */
export function clientInLambda(service: AwsJsonService, options: { maxAttempts?: number } = {}): AwsJsonClient {
  return createAwsJsonClient({ service, region: regionFromEnvironment(), credentials: credentialsFromEnvironment(), ...options });
}
