/** A step that did not pass, with what to do about it. */
export class StepFailure extends Error {
  constructor(
    message: string,
    /** What the admin does about it: the runbook's fix, in a line. */
    readonly fix: string,
  ) {
    super(message);
  }
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

export interface StepResult {
  readonly id: string;
  readonly title: string;
  readonly status: StepStatus;
  /** What was found (passed), or why it failed or was skipped. */
  readonly detail: string;
  readonly fix?: string;
  readonly seconds: number;
}

export interface CheckStep<C> {
  readonly id: string;
  readonly title: string;
  /** Steps whose failure makes this one meaningless: it is skipped, naming them. */
  readonly needs?: readonly string[];
  /** Answers what it found; throws a StepFailure (or any error) when it fails. */
  run(context: C, progress: (message: string) => void): Promise<string>;
}

/** Where a running check reports: each step as it starts, waits and ends. */
export interface CheckProgress {
  started(step: { id: string; title: string }): void;
  waiting(step: { id: string }, message: string): void;
  ended(result: StepResult): void;
}

/** Runs the steps in order; a step whose prerequisite failed is skipped rather than failing twice for one cause. */
export async function runSteps<C>(steps: readonly CheckStep<C>[], context: C, progress: CheckProgress): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const blockers = (step.needs ?? []).filter((id) => results.find((r) => r.id === id)?.status !== 'passed');
    if (blockers.length > 0) {
      const result: StepResult = { id: step.id, title: step.title, status: 'skipped', detail: `not run: needs ${blockers.join(', ')}`, seconds: 0 };
      results.push(result);
      progress.ended(result);
      continue;
    }
    progress.started(step);
    results.push(await runStep(step, context, progress));
    progress.ended(results.at(-1)!);
  }
  return results;
}

async function runStep<C>(step: CheckStep<C>, context: C, progress: CheckProgress): Promise<StepResult> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  try {
    const detail = await step.run(context, (message) => progress.waiting(step, message));
    return { id: step.id, title: step.title, status: 'passed', detail, seconds: seconds() };
  } catch (error) {
    const failure = error instanceof StepFailure ? error : undefined;
    return {
      id: step.id,
      title: step.title,
      status: 'failed',
      detail: error instanceof Error ? error.message : String(error),
      ...(failure ? { fix: failure.fix } : { fix: 'an unexpected error: see docs/feedback-check.md for this step' }),
      seconds: seconds(),
    };
  }
}

/**
 * Polls `probe` until it answers something other than undefined, reporting the wait every few
 * seconds; throws a StepFailure with `failure` when `timeoutMs` passes first.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; what: string; progress: (message: string) => void; failure: () => Promise<StepFailure> | StepFailure },
): Promise<T> {
  const started = Date.now();
  let lastReport = started;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() - started >= options.timeoutMs) throw await options.failure();
    if (Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      options.progress(`waiting for ${options.what} (${Math.round((Date.now() - started) / 1000)} s of at most ${Math.round(options.timeoutMs / 1000)} s)`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
  }
}

const MARK: Record<StepStatus, string> = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' };

/** The check's result for a person: one line per step, and under a failure its reason and fix. */
export function describeResults(results: readonly StepResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${MARK[result.status]}  ${result.title}: ${result.detail}${result.seconds >= 1 ? ` (${result.seconds} s)` : ''}`);
    if (result.fix) lines.push(`      fix: ${result.fix}`);
  }
  const failed = results.filter((r) => r.status === 'failed').length;
  lines.push('', failed === 0 ? `All ${results.length} steps passed.` : `${failed} of ${results.length} steps failed (docs/feedback-check.md maps each to its fix).`);
  return lines;
}
