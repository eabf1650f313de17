import { afterAll, afterEach } from 'vitest';
import type { LocalPipelineOptions } from '../../local/local-pipeline.ts';
import { startTestPipeline, type TestPipeline } from './local-services.ts';

export interface PipelineFixture {
  /** Starts a pipeline with `overrides` over the file's options; it is stopped for you. */
  start(overrides?: Partial<LocalPipelineOptions>): Promise<TestPipeline>;
  /** The pipeline started last; throws if none is running. */
  readonly current: TestPipeline;
}

/**
 * Test pipelines for one test file: each pipeline started in a test is stopped after that
 * test (`per: 'file'`: started in `beforeAll` and stopped after the file's last test).
 */
export function usePipeline(options: Partial<LocalPipelineOptions> = {}, { per = 'test' }: { per?: 'test' | 'file' } = {}): PipelineFixture {
  const running: TestPipeline[] = [];
  (per === 'test' ? afterEach : afterAll)(async () => {
    await Promise.all(running.splice(0).map((pipeline) => pipeline.stop()));
  });
  return {
    async start(overrides = {}) {
      const pipeline = await startTestPipeline({ ...options, ...overrides });
      running.push(pipeline);
      return pipeline;
    },
    get current() {
      const pipeline = running.at(-1);
      if (!pipeline) throw new Error('no pipeline is running: call start() first');
      return pipeline;
    },
  };
}
