/** Polls `probe` until it returns true, or fails after `timeoutMs` naming `what`. */
export async function waitFor(probe: () => Promise<boolean>, options: { timeoutMs: number; what: string; intervalMs?: number }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
  throw new Error(`${options.what} was not ready after ${options.timeoutMs / 1000} s${lastError instanceof Error ? ` (${lastError.message})` : ''}`);
}
