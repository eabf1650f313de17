import { describe, expect, it } from 'vitest';
import { measureAggregation } from '../bench/aggregation-scale.ts';

describe('the benchmark, in miniature (so it cannot rot)', () => {
  it('aggregates generated responses and reports its figures', () => {
    const result = measureAggregation(2_000);
    expect(result.responses).toBe(2_000);
    expect(result.cpuMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.perMillionSeconds)).toBe(true);
  });
});
