import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersFromStored, storedAnswers } from '../../shared/answering/response-store.ts';
import type { TAnswers } from '../../shared/questionnaires/answer-schema.ts';

const rating = fc.integer({ min: 1, max: 5 });
const ratings = fc.record({ importance: rating, performance: rating, competitor: fc.oneof(rating, fc.constant('dk' as const)) }, { requiredKeys: [] });
const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const answers = fc.record({
  values: fc.dictionary(id, ratings, { maxKeys: 15 }),
  probes: fc.dictionary(id, fc.string({ minLength: 1, maxLength: 50 }), { maxKeys: 3 }),
  standards: fc.dictionary(id, fc.boolean(), { maxKeys: 5 }),
  comparison: fc.option(fc.constantFrom('better' as const, 'same' as const, 'worse' as const, 'dk' as const), { nil: undefined }),
  comment: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
  complaintRequested: fc.boolean(),
});

const withoutUndefined = (a: object) => JSON.parse(JSON.stringify(a)) as unknown;

describe('answers as stored', () => {
  it('read back exactly as they were given, for any answers', () => {
    fc.assert(
      fc.property(answers, (given: Omit<TAnswers, 'headline'>) => {
        expect(withoutUndefined(answersFromStored(storedAnswers(given)))).toEqual(withoutUndefined(given));
      }),
    );
  });

  it('keep each value’s ratings in one short string, and leave out what is empty', () => {
    const stored = storedAnswers({ values: { speed: { importance: 5, competitor: 'dk' }, price: { performance: 2 } }, probes: {}, standards: { 'called-by-name': true }, complaintRequested: false });
    expect(stored).toEqual({ values: { speed: '5,,dk', price: ',2,' }, standards: { 'called-by-name': true } });
  });

  it('still read ratings stored as maps, as responses written before the compact form were', () => {
    expect(answersFromStored({ values: { speed: { importance: 4, performance: 3 } }, probes: {}, standards: {}, complaintRequested: false })).toEqual({
      values: { speed: { importance: 4, performance: 3 } },
      probes: {},
      standards: {},
      complaintRequested: false,
    });
  });
});
