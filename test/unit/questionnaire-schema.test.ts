import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ZQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';
import { describeIssues } from '../../shared/platform/config/zod-issues.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { demoQuestionnaires, rawQuestionnaire } from '../support/factories.ts';

function problemsOf(value: unknown): string[] {
  const result = ZQuestionnaire.safeParse(value);
  return result.success ? [] : describeIssues(result.error);
}

describe('questionnaire definitions', () => {
  it('the shipped demo questionnaires embody the practice: about ten values, standards, competitor, probes, complaint option', () => {
    const customers = demoQuestionnaires.find((q) => q.audience === 'customers')!;
    expect(customers.values.length).toBeGreaterThanOrEqual(8);
    expect(customers.values.filter((v) => v.probe).length).toBeGreaterThan(0);
    expect(customers.standards.map((s) => s.id)).toContain('called-by-name');
    expect(customers.mainCompetitor).toBeDefined();
    expect(customers.competitorComparison).toBeDefined();
    const staff = demoQuestionnaires.find((q) => q.audience === 'staff')!;
    expect(staff.anonymous).toBe(true);
  });

  it.each([
    ['an unknown headline kind', (q: Record<string, any>) => (q.headline.kind = 'stars'), 'headline.kind'],
    ['a value label missing the English text', (q: Record<string, any>) => (q.values[2].label = { en: '' }), 'values[2].label.en'],
    ['a duplicate value id', (q: Record<string, any>) => (q.values[1].id = q.values[0].id), 'values[1].id: duplicate id'],
    ['a probe threshold of 5 (every answer would probe)', (q: Record<string, any>) => (q.values[0].probe.whenPerformanceAtMost = 5), 'values[0].probe.whenPerformanceAtMost'],
    ['a comparison without a named competitor', (q: Record<string, any>) => delete q.mainCompetitor, 'competitorComparison: needs mainCompetitor'],
    ['a staff questionnaire that is not anonymous', (q: Record<string, any>) => (q.audience = 'staff'), 'anonymous: staff questionnaires must be anonymous'],
    ['an unknown field', (q: Record<string, any>) => (q.colour = 'blue'), 'colour'],
    ['a comment longer than 5,000 characters allowed', (q: Record<string, any>) => (q.comment.maxLength = 10_000), 'comment.maxLength'],
  ])('rejects %s, naming the field', (_name, breakIt, expected) => {
    const questionnaire = rawQuestionnaire();
    breakIt(questionnaire);
    expect(problemsOf(questionnaire).join('\n')).toContain(expected);
  });

  it('loading a folder with a bad definition fails with the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
    const broken = rawQuestionnaire();
    (broken['headline'] as Record<string, unknown>)['kind'] = 'stars';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    expect(() => loadQuestionnaires(dir)).toThrow(/broken\.json is invalid:[\s\S]*headline\.kind/);
  });

  it('loading a folder with invalid JSON says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
    writeFileSync(join(dir, 'bad.json'), '{ "id": ');
    expect(() => loadQuestionnaires(dir)).toThrow(/bad\.json is invalid:[\s\S]*not valid JSON/);
  });
});
