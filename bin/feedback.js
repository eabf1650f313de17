#!/usr/bin/env node
// Entry for `npx feedback`: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../infra/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
