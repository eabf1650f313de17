import { describe, expect, it } from 'vitest';
import { waveIdFor } from '../../shared/platform/schedule/wave-id.ts';

describe('wave ids (ISO week in the business time zone)', () => {
  it.each([
    ['2026-11-23T09:00:00Z', 'Europe/London', '2026-W48'],
    ['2026-01-01T12:00:00Z', 'Europe/London', '2026-W01'],
    ['2027-01-01T12:00:00Z', 'Europe/London', '2026-W53'],
    // Sunday 23:30 UTC is already Monday in Tokyo: a new week there.
    ['2026-11-29T23:30:00Z', 'Asia/Tokyo', '2026-W49'],
    ['2026-11-29T23:30:00Z', 'America/New_York', '2026-W48'],
  ])('%s in %s is %s', (at, zone, expected) => {
    expect(waveIdFor(new Date(at), zone)).toBe(expected);
  });
});
