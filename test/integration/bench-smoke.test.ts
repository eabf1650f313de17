import { describe, expect, inject, it } from 'vitest';
import { measureAggregation } from '../bench/aggregation-scale.ts';
import { measureAnswerLoad } from '../bench/answer-load.ts';

describe('the benchmark, in miniature (so it cannot rot)', () => {
  it('aggregates generated responses and reports its figures', () => {
    const result = measureAggregation(2_000);
    expect(result.responses).toBe(2_000);
    expect(result.cpuMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.perMillionSeconds)).toBe(true);
  });

  it('loads the answer path for a moment and loses nothing', async () => {
    const result = await measureAnswerLoad({ dynamodbEndpoint: inject('dynamodbEndpoint'), seconds: 1, concurrency: 4, invitations: 200 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.lost).toBe(0);
    expect(result.stored).toBe(result.acknowledged);
  });
});
