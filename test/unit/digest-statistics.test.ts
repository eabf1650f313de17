import { describe, expect, it } from 'vitest';
import { emptyRollup, type Rollup } from '../../shared/digest/rollup.ts';
import { headlineChange, MIN_SAMPLE_FOR_CHANGE } from '../../shared/digest/measures.ts';
import { buildDigestReport, type DigestReport } from '../../shared/digest/digest-report.ts';
import { renderDigestEmail } from '../../shared/digest/digest-email.tsx';
import { periodLabel } from '../../shared/digest/period.ts';
import type { BusinessCalendar } from '../../shared/complaints/business-calendar.ts';
import { customerQuestionnaire } from '../support/factories.ts';

const calendar: BusinessCalendar = { timeZone: 'UTC', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], start: '09:00', end: '17:00', holidays: [] };

function nps(segment: string, promoters: number, passives: number, detractors: number, delivered = promoters + passives + detractors): Rollup {
  const responses = promoters + passives + detractors;
  return { ...emptyRollup(segment, 'nps'), delivered, responses, promoters, passives, detractors, scoreSum: 10 * promoters + 8 * passives + 3 * detractors };
}

function report(rollups: Rollup[], previous: Rollup[] = [], staffNames: Array<[string, string]> = []): DigestReport {
  return buildDigestReport({
    questionnaire: customerQuestionnaire,
    period: '2026-W48',
    scope: { kind: 'company', name: 'Acme' },
    rollups,
    previous: { period: '2026-W47', rollups: previous },
    benchmark: null,
    complaints: [],
    bounds: { start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' },
    calendar,
    staffNames: new Map(staffNames),
    staffDepartments: new Map(),
    now: new Date('2026-11-30T07:00:00Z'),
  })!;
}

describe('digest statistics a manager cannot misread', () => {
  it('never calls a change from a handful of responses significant, and says why', () => {
    // 0 → 100 from five answers each side: a huge jump whose interval excludes zero.
    const change = headlineChange(nps('company', 0, 5, 0), nps('company', 5, 0, 0));
    expect(change.significant).toBe(false);
    expect(change.verdict).toBe('too few responses');
    const text = renderDigestEmail(report([nps('company', 5, 0, 0)], [nps('company', 0, 5, 0)]), { businessName: 'Acme', timeZone: 'UTC' }).text;
    expect(text).toContain(`too few to tell (a change is judged from ${MIN_SAMPLE_FOR_CHANGE} responses on each side)`);
    expect(text).not.toContain('95 % interval');
    // The same shares from enough answers are significant.
    expect(headlineChange(nps('company', 0, 40, 0), nps('company', 40, 0, 0)).verdict).toBe('significant');
  });

  it('clips the interval of a change to what the scale allows', () => {
    // From 95 the score can rise by 5 at most, however wide the interval.
    const change = headlineChange(nps('company', 38, 2, 0), nps('company', 40, 0, 0));
    expect(change.high).toBeLessThanOrEqual(5);
    const fall = headlineChange(nps('company', 0, 2, 38), nps('company', 0, 0, 40));
    expect(fall.low).toBeGreaterThanOrEqual(-5);
  });

  it('with few ranked staff, ranks them without "Top" or "Needs support" labels', () => {
    const staff = ['a', 'b', 'c', 'd'].map((name, i) => nps(`staff:${name}@acme.example`, 6 + i, 2, 0));
    const email = renderDigestEmail(report([nps('company', 30, 8, 0), ...staff]), { businessName: 'Acme', timeZone: 'UTC' });
    expect(email.html).not.toMatch(/Top:|Needs support:/);
    expect(email.text).toMatch(/1\. d@acme\.example/);
  });

  it('never calls the same score both "Top" and "Needs support"', () => {
    // Eight ranked staff: two clearly ahead, six sharing one score.
    const staff = Array.from({ length: 8 }, (_, i) => nps(`staff:s${i}@acme.example`, i < 2 ? 9 : 5, i < 2 ? 0 : 4, 0));
    const html = renderDigestEmail(report([nps('company', 50, 30, 0), ...staff]), { businessName: 'Acme', timeZone: 'UTC' }).html;
    const labelled = (label: string) => [...html.matchAll(new RegExp(`${label}: (s\\d)`, 'g'))].map((m) => m[1]);
    expect(labelled('Top')).toHaveLength(3);
    const topScores = new Set(labelled('Top').map((s) => (Number(s!.slice(1)) < 2 ? 'high' : 'shared')));
    expect(topScores.has('shared')).toBe(true);
    expect(labelled('Needs support')).toEqual([]);
  });

  it('names staff by their names, counts in the right plural, and puts plain words beside an ISO week', () => {
    const one = report([nps('company', 1, 0, 0, 1)], [], []);
    expect(one.headline).toBe('Acme, 2026-W48 (week of 23 Nov): NPS 100 from 1 response; 0 complaints open at the end of the period.');
    const text = renderDigestEmail(one, { businessName: 'Acme', timeZone: 'UTC' }).text;
    expect(text).toContain('for 1 email and 1 response');
    expect(text).not.toMatch(/\b1 (responses|emails)\b/);
    expect(periodLabel('2026-W01')).toBe('2026-W01 (week of 29 Dec)');
    expect(periodLabel('2026-11')).toBe('2026-11 (November 2026)');
    const named = report([nps('company', 9, 0, 0), nps('staff:sam.reed@acme.example', 9, 0, 0)], [], [['sam.reed@acme.example', 'Sam Reed']]);
    expect(named.staff.map((s) => s.name)).toEqual(['Sam Reed']);
  });

  it('names the business once in the company digest’s subject, and the department in a department’s', () => {
    const company = report([nps('company', 30, 8, 0)]);
    expect(renderDigestEmail(company, { businessName: 'Acme', timeZone: 'UTC' }).subject).toMatch(/^Acme feedback 2026-W\d\d [^:]*: NPS \d+$/);
    const department = { ...company, scope: { kind: 'department' as const, id: 'repairs', name: 'Repairs' } };
    expect(renderDigestEmail(department, { businessName: 'Acme', timeZone: 'UTC' }).subject).toMatch(/: Repairs — NPS \d+$/);
  });
});
