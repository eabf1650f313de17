import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (an esbuild
 * alias, see infra's LAMBDA_BUNDLING): Lambda puts the execution role's credentials in the
 * environment, so the default chain's other links (profiles, SSO, IMDS, web identity…) are
 * dead weight at every cold start.
 */
export const defaultProvider = () => fromEnv();
