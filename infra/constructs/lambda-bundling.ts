/**
 * How every product function is bundled, in one place: the CDK stack hands it to
 * NodejsFunction and the benchmark builds with it, so the figures are of what is deployed.
 */
export const LAMBDA_BUNDLING = {
  format: 'esm',
  minify: true,
  target: 'node24',
  mainFields: ['module', 'main'],
  // The map ships in the bundle to decode a stack trace by hand, but Node is not told to load
  // it (no --enable-source-maps): parsing it cost every cold start 8–11 ms, and the logs carry
  // error names and messages, never stacks. Without the sources it is a third of the size.
  sourceMap: true,
  sourcesContent: false,
  // CommonJS dependencies (nodemailer's helpers) call require() inside the ESM bundle.
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
} as const;
