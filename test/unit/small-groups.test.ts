import { describe, expect, it } from 'vitest';
import { withoutSmallGroups } from '../../shared/digest/small-groups.ts';
import { emptyRollup } from '../../shared/digest/rollup.ts';

const rollup = (segment: string, responses: number) => ({ ...emptyRollup(segment, 'csat'), responses, comments: [{ score: 1, text: `from ${segment}` }] });

describe('small groups are not reported', () => {
  it('withholds a department with fewer respondents than the minimum, keeping the company and larger departments', () => {
    const kept = withoutSmallGroups([rollup('company', 9), rollup('dept:repairs', 2), rollup('dept:installations', 5), rollup('staff:sam@acme.example', 1)]);
    expect(kept.map((r) => r.segment)).toEqual(['company', 'dept:installations', 'staff:sam@acme.example']);
  });

  it('uses the configured minimum', () => {
    expect(withoutSmallGroups([rollup('dept:repairs', 2)], 2).map((r) => r.segment)).toEqual(['dept:repairs']);
    expect(withoutSmallGroups([rollup('dept:repairs', 9)], 10)).toEqual([]);
  });
});
