import { describe, expect, it } from 'vitest';
import { percentile } from '../../shared/complaints/handling-times.ts';

describe('complaint handling times', () => {
  it('percentiles by nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });
});
