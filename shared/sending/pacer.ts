/**
 * Spaces out calls so they never exceed `perSecond`: each `take()` resolves no sooner than
 * 1/perSecond (rounded up to a whole millisecond) after the previous one. Any one-second window therefore holds at most
 * `perSecond` sends from this pacer.
 */
export function createPacer(perSecond: number, clock: { now(): number; sleep(ms: number): Promise<void> } = realClock) {
  // Whole milliseconds, rounded up: float drift must never squeeze one extra send into a second.
  const interval = Math.ceil(1000 / perSecond);
  let next = 0;
  return {
    async take(): Promise<void> {
      const now = clock.now();
      const slot = Math.max(now, next);
      next = slot + interval;
      if (slot > now) await clock.sleep(slot - now);
    },
  };
}

const realClock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
