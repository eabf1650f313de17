#!/usr/bin/env node
// Entry for `npx feedback`: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
// Jobs the CLI runs in-process record CloudWatch metrics; at a terminal they are noise.
const { setMetricsSink } = await import('../shared/observability/metrics.ts');
setMetricsSink(() => undefined);
const { runCli } = await import('../infra/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
