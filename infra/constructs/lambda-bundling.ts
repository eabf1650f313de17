/**
 * How every product function is bundled, in one place: the CDK stack hands it to
 * NodejsFunction and the benchmark builds with it, so the figures are of what is deployed.
 * The AWS SDK is bundled (not taken from the runtime), which is what lets the two settings
 * below trim it; the benchmark compares this against both of NodejsFunction's usual builds.
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  minify: true,
  target: 'node24',
  mainFields: ['module', 'main'],
  // No source map: Node would not load it (no --enable-source-maps, which cost every cold start
  // 8–11 ms to parse it), and the logs carry error names and messages, never stacks, so a map
  // would only add to the asset's size.
  sourceMap: false,
  // CommonJS dependencies (nodemailer's helpers) call require() inside the ESM bundle.
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /**
   * Lambda puts the execution role's credentials in the environment: the SDK's default chain
   * (profiles, SSO, IMDS, web identity… about 40 KB) is replaced by the environment provider.
   * Relative to the project root, where NodejsFunction and the benchmark run esbuild.
   */
  alias: { '@aws-sdk/credential-provider-node': './shared/platform/lambda-credentials.ts' },
  /**
   * Reached only through dynamic imports these services never take: event streams (no
   * DynamoDB, SQS, SES or Secrets Manager call the product makes streams) and the browser
   * user-agent parser. Left out, they are never parsed at start.
   */
  external: ['@smithy/core/event-streams', 'bowser'],
} as const;
