import { describe, expect, it } from 'vitest';
import { addResponse, emptyRollup, mergeRollups, type Rollup } from '../../shared/digest/rollup.ts';
import { comparisonShares, headlineChange, headlineScore, MIN_RATINGS_PER_VALUE, ratingInterval, responseRate, staffTable, standardsCompliance, valueTable } from '../../shared/digest/measures.ts';
import type { TResponse } from '../../shared/answering/response-store.ts';

function rollup(overrides: Partial<Rollup>): Rollup {
  return { ...emptyRollup('company', 'nps'), ...overrides };
}
function response(score: number, answers: Partial<NonNullable<TResponse['answers']>> = {}): TResponse & { headlineScore: number } {
  return {
    questionnaireId: 'q', waveId: 'w', firstAnsweredAt: '', answeredAt: '', headlineScore: score,
    answers: { values: {}, probes: {}, standards: {}, complaintRequested: false, ...answers },
  };
}

describe('digest measures (worked examples)', () => {
  it('NPS is promoters % minus detractors %; CSAT is % satisfied', () => {
    expect(headlineScore(rollup({ responses: 10, promoters: 5, passives: 3, detractors: 2 }))).toBe(30);
    expect(headlineScore(rollup({ headlineKind: 'csat', responses: 5, promoters: 4, passives: 0, detractors: 1 }))).toBe(80);
    expect(headlineScore(rollup({ responses: 0 }))).toBeNull();
  });

  it('response rate is answered over delivered', () => {
    expect(responseRate({ responses: 10, delivered: 40 })).toBe(0.25);
    expect(responseRate({ responses: 0, delivered: 0 })).toBeNull();
  });

  it('one pass adds responses: classes, values, comparison, standards and the lowest comments', () => {
    const r = emptyRollup('company', 'nps');
    addResponse(r, response(10, { values: { quality: { importance: 5, performance: 4, competitor: 'dk' } }, comparison: 'better', standards: { named: true }, comment: 'great' }));
    addResponse(r, response(2, { values: { quality: { importance: 4, performance: 1, competitor: 3 } }, comparison: 'worse', standards: { named: false }, comment: 'bad' }));
    addResponse(r, response(8));
    expect(r).toMatchObject({ responses: 3, promoters: 1, passives: 1, detractors: 1, scoreSum: 20, comparison: { better: 1, worse: 1 } });
    expect(r.values['quality']).toEqual({ importance: { sum: 9, n: 2, sq: 41 }, performance: { sum: 5, n: 2, sq: 17 }, competitor: { sum: 3, n: 1, sq: 9 } });
    expect(r.comments.map((c) => c.text)).toEqual(['bad', 'great']);
    expect(standardsCompliance(r)).toEqual([{ id: 'named', compliance: 0.5, n: 2 }]);
  });

  it('rollups merge into the same figures as one pass over all responses', () => {
    const a = emptyRollup('x', 'nps');
    const b = emptyRollup('y', 'nps');
    const all = emptyRollup('all', 'nps');
    [10, 9, 3].forEach((s) => { addResponse(a, response(s, { comment: `c${s}` })); addResponse(all, response(s, { comment: `c${s}` })); });
    [7, 0].forEach((s) => { addResponse(b, response(s, { comment: `c${s}` })); addResponse(all, response(s, { comment: `c${s}` })); });
    expect(mergeRollups('all', [a, b], 'nps')).toEqual(all);
  });

  it('places values in importance–performance quadrants split at the grand means', () => {
    // Ten ratings each: enough to judge (MIN_RATINGS_PER_VALUE).
    const values = {
      a: { importance: { sum: 50, n: 10 }, performance: { sum: 20, n: 10 }, competitor: { sum: 40, n: 10 } },
      b: { importance: { sum: 40, n: 10 }, performance: { sum: 45, n: 10 }, competitor: { sum: 0, n: 0 } },
      c: { importance: { sum: 20, n: 10 }, performance: { sum: 20, n: 10 }, competitor: { sum: 0, n: 0 } },
      d: { importance: { sum: 20, n: 10 }, performance: { sum: 50, n: 10 }, competitor: { sum: 0, n: 0 } },
    };
    const rows = valueTable({ values }, ['a', 'b', 'c', 'd', 'unrated']);
    expect(rows.map((r) => [r.id, r.quadrant])).toEqual([
      ['a', 'concentrate here'],
      ['b', 'keep up the good work'],
      ['c', 'low priority'],
      ['d', 'possible overkill'],
      ['unrated', null],
    ]);
    expect(rows[0]).toMatchObject({ gapToImportance: -3, gapToCompetitor: -2 });
  });

  it('each value carries its own sample size and interval, and one with fewer than ten ratings is shown but not judged', () => {
    const r = emptyRollup('company', 'nps');
    const ratings = [5, 4, 4, 3, 5, 4, 2, 4, 5, 4, 4, 3];
    ratings.forEach((p, i) => addResponse(r, response(9, { values: i < 9 ? { price: { importance: 4, performance: p }, quality: { importance: 5, performance: p } } : { quality: { importance: 5, performance: p } } })));
    const [quality, price, unasked] = valueTable(r, ['quality', 'price', 'speed']);
    expect(quality).toMatchObject({ n: { importance: 12, performance: 12, competitor: 0 }, tooFew: false });
    expect(quality!.quadrant).not.toBeNull();
    // Sample sd of the twelve ratings is 0.90: 1.96 × 0.90 / √12 = 0.51.
    expect(quality!.performanceMargin).toBeCloseTo(0.51, 2);
    expect(price).toMatchObject({ n: { performance: 9 }, tooFew: true, quadrant: null });
    expect(unasked).toMatchObject({ n: { performance: 0 }, tooFew: true, performanceMargin: null, quadrant: null });
    expect(MIN_RATINGS_PER_VALUE).toBe(10);
  });

  it('an interval from a rollup written before squares were kept errs wide, never narrow', () => {
    const exact = ratingInterval({ sum: 40, n: 10, sq: 162 })!;
    expect(ratingInterval({ sum: 40, n: 10 })!).toBeGreaterThan(exact);
    expect(ratingInterval({ sum: 4, n: 1, sq: 16 })).toBeNull();
  });

  it('competitor comparison shares leave out "don\'t know"', () => {
    expect(comparisonShares({ comparison: { better: 2, same: 1, worse: 1, dk: 6 } })).toEqual({ better: 0.5, same: 0.25, worse: 0.25, n: 4 });
  });

  it('ranks staff on quality shrunk toward the company score, and not below the minimum sample', () => {
    const company = rollup({ responses: 100, promoters: 40, detractors: 20 }); // NPS 20
    const lucky = rollup({ segment: 'staff:lucky@acme.example', responses: 2, promoters: 2, delivered: 3 }); // NPS 100 on 2 answers
    const steady = rollup({ segment: 'staff:steady@acme.example', responses: 20, promoters: 12, detractors: 2, delivered: 60 }); // NPS 50
    const rows = staffTable([lucky, steady], company);
    expect(rows.map((r) => [r.email, r.ranked, Math.round(r.quality! * 10) / 10])).toEqual([
      ['steady@acme.example', true, 40],
      ['lucky@acme.example', false, 33.3],
    ]);
  });

  it('marks a change not significant when its 95 % interval spans zero', () => {
    const before = rollup({ responses: 100, promoters: 50, passives: 30, detractors: 20 }); // 30
    const after = rollup({ responses: 100, promoters: 60, passives: 30, detractors: 10 }); // 50
    const small = headlineChange(before, after);
    expect(small.delta).toBe(20);
    expect(small.low).toBeCloseTo(20 - 1.96 * Math.sqrt(106), 6);
    expect(small.significant).toBe(false);
    const scale = (r: Rollup) => rollup({ responses: r.responses * 4, promoters: r.promoters * 4, passives: r.passives * 4, detractors: r.detractors * 4 });
    expect(headlineChange(scale(before), scale(after)).significant).toBe(true);
    expect(headlineChange(undefined, after)).toMatchObject({ delta: null, significant: false, nFrom: 0, nTo: 100 });
  });
});
