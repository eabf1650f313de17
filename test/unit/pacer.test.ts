import { describe, expect, it } from 'vitest';
import { createPacer } from '../../shared/platform/mail/pacer.ts';

/** A clock that only moves when the pacer sleeps, so the test measures spacing, not wall time. */
function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('send pacing', () => {
  it('never lets more than the rate through in any one-second window', async () => {
    const clock = fakeClock();
    const pacer = createPacer(14, clock);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      await pacer.take();
      times.push(clock.now());
    }
    const busiest = Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
    expect(busiest).toBe(14);
    // 100 sends at 14/s take just over 7 s: the pacer does not leave capacity unused either.
    expect(times.at(-1)).toBe(99 * 72);
  });
});

describe('send pacing with a late timer', () => {
  it('a timer that fires late does not let the next sends catch up', async () => {
    let now = 0;
    let late = true;
    // The first sleep overshoots by 60 ms, as a busy event loop does.
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms + (late ? ((late = false), 60) : 0)) };
    const pacer = createPacer(14, clock);
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      await pacer.take();
      times.push(now);
    }
    const busiest = Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(14);
  });

  it('concurrent callers are served one at a time', async () => {
    let now = 0;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    const pacer = createPacer(10, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 5 }, async () => { await pacer.take(); times.push(now); }));
    expect(times).toEqual([0, 100, 200, 300, 400]);
  });
});
