import { describe, expect, it } from 'vitest';
import { customerQuestionnaire, demoQuestionnaires } from '../support/factories.ts';
import { pageQuestionCount, shownValues, valueMask, valueRotation, valuesForLink, valuesPerResponse } from '../../shared/questionnaires/value-rotation.ts';
import { ZQuestionnaire, type TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';
import { answerFormSchema } from '../../shared/questionnaires/answer-schema.ts';
import { anonymityNotice } from '../../shared/questionnaires/anonymity-notice.ts';
import { QuestionnairePage } from '../../shared/answering/questionnaire-page.tsx';

const staffQuestionnaire = demoQuestionnaires.find((q) => q.audience === 'staff')!;
const withValuesPerResponse = (valuesPerResponse: number | 'all'): TQuestionnaire => ZQuestionnaire.parse({ ...customerQuestionnaire, valuesPerResponse });

function assignmentCounts(questionnaire: TQuestionnaire, waveId: string, departments: ReadonlyArray<string | undefined>): Map<string, Map<string, number>> {
  const rotation = valueRotation(questionnaire, waveId);
  const counts = new Map<string, Map<string, number>>();
  for (const department of departments) {
    const perValue = counts.get(department ?? '') ?? new Map(questionnaire.values.map((v) => [v.id, 0]));
    for (const id of rotation.next(department)!) perValue.set(id, perValue.get(id)! + 1);
    counts.set(department ?? '', perValue);
  }
  return counts;
}

describe('matrix sampling of the values', () => {
  it('by default a page stays within 12 questions: 2 of the customer questionnaire\'s 10 values, 4 of the staff one\'s 5', () => {
    expect(valuesPerResponse(customerQuestionnaire)).toBe(2);
    expect(pageQuestionCount(customerQuestionnaire, 2)).toBe(12);
    expect(valuesPerResponse(staffQuestionnaire)).toBe(4);
    expect(pageQuestionCount(staffQuestionnaire, 4)).toBeLessThanOrEqual(12);
    expect(valuesPerResponse(withValuesPerResponse('all'))).toBe(10);
    expect(valuesPerResponse(withValuesPerResponse(3))).toBe(3);
  });

  it('asks every value equally often within each department: after any number of invitations no value is ahead by more than one', () => {
    const departments = Array.from({ length: 157 }, (_, i) => (i % 7 === 0 ? 'sales' : i % 3 === 0 ? undefined : 'repairs'));
    for (const [, perValue] of assignmentCounts(customerQuestionnaire, '2026-W48', departments)) {
      const counts = [...perValue.values()];
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('each invitation asks distinct values, and the same wave, department and order give the same values', () => {
    const a = valueRotation(customerQuestionnaire, '2026-W48');
    const b = valueRotation(customerQuestionnaire, '2026-W48');
    for (let i = 0; i < 12; i++) {
      const values = a.next('repairs')!;
      expect(new Set(values).size).toBe(2);
      expect(b.next('repairs')).toEqual(values);
    }
  });

  it('small departments do not all start with the first values: the start is keyed on wave and department', () => {
    const firsts = new Set(Array.from({ length: 40 }, (_, i) => valueRotation(customerQuestionnaire, '2026-W48').next(`dept-${i}`)![0]));
    expect(firsts.size).toBeGreaterThan(5);
  });

  it('asks nothing by rotation when every value is asked', () => {
    expect(valueRotation(withValuesPerResponse('all'), '2026-W48').next('repairs')).toBeUndefined();
    expect(valuesForLink(withValuesPerResponse('all'), { linkId: 'abc' })).toBeUndefined();
  });

  it('an unplanned anonymous link draws its values from its response id, which nothing stores, not from the invitation’s link id', () => {
    const links = Array.from({ length: 30 }, (_, i) => ({ linkId: 'same-invitation', responseId: `response-${i}` }));
    // Many response ids of one invitation give different choices: the link id does not decide them.
    expect(new Set(links.map((link) => valuesForLink(staffQuestionnaire, link)!.join())).size).toBeGreaterThan(1);
    // A named questionnaire may key on the link id, which it stores anyway.
    expect(new Set(links.map((link) => valuesForLink(customerQuestionnaire, link)!.join())).size).toBe(1);
  });

  it('a link\'s mask round-trips to the values it names, and a link without one shows them all', () => {
    const ids = ['price', 'problem-solving'];
    expect(shownValues(customerQuestionnaire, valueMask(customerQuestionnaire, ids)).map((v) => v.id)).toEqual(ids);
    expect(shownValues(customerQuestionnaire, undefined)).toHaveLength(10);
  });

  it('the answer schema refuses a rating for a value the link did not ask', () => {
    const shown = shownValues(customerQuestionnaire, valueMask(customerQuestionnaire, ['price', 'speed']));
    const schema = answerFormSchema(customerQuestionnaire, shown);
    expect(schema.safeParse({ score: '7', 'performance-price': '4' }).success).toBe(true);
    expect(schema.safeParse({ score: '7', 'performance-quality': '4' }).success).toBe(false);
  });

  it('refuses a valuesPerResponse above the number of values', () => {
    expect(ZQuestionnaire.safeParse({ ...customerQuestionnaire, valuesPerResponse: 11 }).success).toBe(false);
  });
});

describe('the competitor', () => {
  const render = (questionnaire: TQuestionnaire) =>
    String(QuestionnairePage({ questionnaire, values: questionnaire.values.slice(0, 2), language: 'en', action: '/q/x', state: {} }));

  it('is asked about by name, and not at all when the questionnaire names none', () => {
    expect(render(customerQuestionnaire)).toContain('How well does BrightFix do?');
    const { mainCompetitor: _m, competitorComparison: _c, ...unnamed } = customerQuestionnaire;
    const html = render(ZQuestionnaire.parse(unnamed));
    expect(html).not.toMatch(/name="competitor-/);
    expect(html).not.toContain('How well does');
    expect(valuesPerResponse(ZQuestionnaire.parse(unnamed))).toBe(3);
  });
});

describe('what staff are told', () => {
  it('the staff questionnaire tells them it is anonymous in each of its languages', () => {
    expect(staffQuestionnaire.languages).toEqual(['en', 'es']);
    expect(anonymityNotice(staffQuestionnaire, 'en')).toMatch(/^This questionnaire is anonymous\./);
    expect(anonymityNotice(staffQuestionnaire, 'es')).toMatch(/^Este cuestionario es anónimo\./);
    expect(anonymityNotice(customerQuestionnaire, 'es')).toBeUndefined();
  });
});
