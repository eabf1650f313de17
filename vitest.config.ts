import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/metrics-collector.ts'],
    // Two cores: run files in parallel, but never more workers than cores.
    maxWorkers: 2,
    // The SDK warns once per process that its releases after January 2027 need Node 22; the lockfile pins today's.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Generous for a busy 2-core machine: the browser and pipeline tests take 10 s alone.
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});
