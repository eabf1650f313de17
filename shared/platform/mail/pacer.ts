/**
 * Spaces out calls so they never exceed `perSecond`: each `take()` resolves at least
 * 1/perSecond (rounded up to a whole millisecond) after the previous one *actually*
 * resolved — measured after waking, because a timer that fires late must not let the next
 * call catch up and squeeze an extra send into a second. Callers are served one at a time.
 */
export function createPacer(perSecond: number, clock: { now(): number; sleep(ms: number): Promise<void> } = realClock) {
  // Whole milliseconds, rounded up: float drift must never squeeze one extra send into a second.
  const interval = Math.ceil(1000 / perSecond);
  let next = 0;
  let queue: Promise<void> = Promise.resolve();
  return {
    take(): Promise<void> {
      const turn = queue.then(async () => {
        const wait = next - clock.now();
        if (wait > 0) await clock.sleep(wait);
        next = clock.now() + interval;
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

const realClock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
