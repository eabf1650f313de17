#!/usr/bin/env node
// Entry for `npx feedback`: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
// `feedback report | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// The SDK's notice that its releases after January 2027 need Node 22: the lockfile pins today's.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Jobs the CLI runs in-process record CloudWatch metrics; at a terminal they are noise.
const { setMetricsSink } = await import('../shared/platform/observability/metrics.ts');
setMetricsSink(() => undefined);
const { runCli } = await import('../cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
