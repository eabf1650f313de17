import type { LocalPipelineOptions } from '../../local/local-pipeline.ts';
import type { Target } from '../target.ts';
import { runSteps, type CheckProgress, type StepResult } from './check-steps.ts';
import { JOURNEY, type CheckEnvironment } from './journey.ts';
import { localEnvironment } from './local-environment.ts';
import { stackEnvironment } from './stack-environment.ts';
import { removeSynthetic, syntheticRun } from './synthetic-data.ts';

export interface CheckOptions {
  /** Leave the synthetic data for inspection. */
  readonly keep?: boolean;
  /** Locally: changes to the pipeline's wiring, to break one path on purpose. */
  readonly localOverrides?: Partial<LocalPipelineOptions>;
  /** Shorter waits for the asynchronous steps (a test that breaks a path need not wait the full time). */
  readonly patience?: Partial<CheckEnvironment['patience']>;
}

export interface CheckReport {
  readonly target: string;
  readonly passed: boolean;
  readonly steps: StepResult[];
}

/**
 * Runs the synthetic journey against the target and removes what it wrote, also when a step
 * failed (the cleanup is the journey's last step and needs no other).
 */
export async function runCheck(target: Target, options: CheckOptions, progress: CheckProgress): Promise<CheckReport> {
  const wired = target.kind === 'local' ? localEnvironment(target, options.localOverrides) : await stackEnvironment(target);
  const env: CheckEnvironment = { ...wired, patience: { ...wired.patience, ...options.patience } };
  const questionnaire = env.questionnaires.find((q) => q.audience === 'customers') ?? env.questionnaires[0];
  if (!questionnaire) throw new Error('no questionnaire is deployed: add one to config/questionnaires/');
  const run = syntheticRun(questionnaire);
  // Ctrl-C during the minutes of waiting must not leave synthetic data behind either.
  const onInterrupt = () => void removeSynthetic(env.table, run).finally(() => process.exit(130));
  if (!options.keep) process.once('SIGINT', onInterrupt);
  try {
    const steps = await runSteps(JOURNEY, { env, run, keep: options.keep ?? false, now: () => new Date() }, progress);
    return { target: env.name, passed: steps.every((step) => step.status !== 'failed'), steps };
  } finally {
    process.off('SIGINT', onInterrupt);
    await env.close();
  }
}
