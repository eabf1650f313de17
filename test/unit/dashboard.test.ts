import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scopeCovers, scopeCoversComplaint, scopeGrant, scopeOfGrant, signDashboardToken, verifyDashboardToken, type DashboardScope } from '../../shared/dashboard/dashboard-scope.ts';
import { headlineTrend, pooledValueTable } from '../../shared/dashboard/dashboard-series.ts';
import { firstShownPeriod } from '../../shared/dashboard/dashboard-data.ts';
import { LineChart, QuadrantChart } from '../../shared/dashboard/svg-charts.tsx';
import { addResponse, emptyRollup } from '../../shared/digest/rollup.ts';
import { headlineScore } from '../../shared/digest/measures.ts';
import type { TResponse } from '../../shared/answering/response-store.ts';

const SECRET = 'unit-dashboard-secret-'.padEnd(48, 'k');
const NOW = new Date('2026-11-23T09:00:00Z');

describe('dashboard links', () => {
  it('carry their scope and issue time through signing and verifying, for any department id or email', () => {
    const scopes = fc.oneof(
      fc.constant<DashboardScope>({ kind: 'company' }),
      fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,40}$/).map((id): DashboardScope => ({ kind: 'department', id })),
      fc.emailAddress().filter((e) => e.length <= 60).map((email): DashboardScope => ({ kind: 'staff', email: email.toLowerCase() })),
    );
    fc.assert(
      fc.property(scopes, fc.integer({ min: 1, max: 366 }), (scope, days) => {
        const token = signDashboardToken(scope, SECRET, { now: NOW, days });
        expect(verifyDashboardToken(token, SECRET, NOW)).toEqual({ scope, issuedAtMs: NOW.getTime(), expiresAt: NOW.getTime() / 1000 + days * 86_400 });
        expect(verifyDashboardToken(token, SECRET, new Date(NOW.getTime() + days * 86_400_000))).toBeUndefined();
        expect(scopeOfGrant(scopeGrant(scope, 42))).toEqual({ scope, issuedAtMs: 42 });
      }),
    );
  });

  it('are refused when another secret signed them, when they are for another purpose, or when their scope was edited', () => {
    const token = signDashboardToken({ kind: 'department', id: 'installations' }, SECRET, { now: NOW });
    expect(verifyDashboardToken(token, 'another-secret-'.padEnd(48, 'k'), NOW)).toBeUndefined();
    const edited = token.replace(Buffer.from('installations').toString('base64url'), Buffer.from('repairs').toString('base64url'));
    expect(edited).not.toBe(token);
    expect(verifyDashboardToken(edited, SECRET, NOW)).toBeUndefined();
    expect(verifyDashboardToken(token.replace('.dashboard.', '.complaint.'), SECRET, NOW)).toBeUndefined();
    expect(scopeOfGrant('c0000000aGVsbG8')).toBeUndefined();
    expect(scopeOfGrant('o1')).toBeUndefined();
    expect(() => signDashboardToken({ kind: 'company' }, SECRET, { now: NOW, days: 0 })).toThrow(RangeError);
  });

  it('cover the company everywhere, a department itself and its own staff, a staff member only themselves', () => {
    const departmentOf = (email: string) => ({ 'sam@x.example': 'installations', 'jo@x.example': 'repairs' })[email];
    const installations: DashboardScope = { kind: 'department', id: 'installations' };
    const sam: DashboardScope = { kind: 'staff', email: 'sam@x.example' };
    expect(scopeCovers({ kind: 'company' }, { kind: 'staff', email: 'jo@x.example' }, departmentOf)).toBe(true);
    expect(scopeCovers(installations, installations, departmentOf)).toBe(true);
    expect(scopeCovers(installations, { kind: 'staff', email: 'SAM@x.example' }, departmentOf)).toBe(true);
    expect(scopeCovers(installations, { kind: 'staff', email: 'jo@x.example' }, departmentOf)).toBe(false);
    expect(scopeCovers(installations, { kind: 'department', id: 'repairs' }, departmentOf)).toBe(false);
    expect(scopeCovers(installations, { kind: 'company' }, departmentOf)).toBe(false);
    expect(scopeCovers(sam, sam, departmentOf)).toBe(true);
    expect(scopeCovers(sam, installations, departmentOf)).toBe(false);
    expect(scopeCoversComplaint(installations, { departmentId: 'repairs', staffEmail: 'sam@x.example' })).toBe(false);
    expect(scopeCoversComplaint(sam, { departmentId: 'installations', staffEmail: null })).toBe(false);
  });
});

function response(score: number, values: Record<string, { importance?: number; performance: number }> = {}, comment?: string): TResponse & { headlineScore: number } {
  return { questionnaireId: 'q', waveId: 'w', firstAnsweredAt: '', answeredAt: '', headlineScore: score, answers: { values, probes: {}, standards: {}, complaintRequested: false, ...(comment ? { comment } : {}) } };
}

describe('dashboard figures and charts', () => {
  it('give each period the digest’s score, with a 95 % interval that stays on the scale and none without responses', () => {
    const r = emptyRollup('company', 'nps');
    for (const score of [10, 10, 10, 9, 0]) addResponse(r, response(score));
    const [empty, point] = headlineTrend(['2026-W46', '2026-W47'], [undefined, r]);
    expect(empty).toMatchObject({ score: null, low: null, high: null, responses: 0 });
    expect(point!.score).toBe(headlineScore(r));
    expect(point!.low!).toBeLessThan(point!.score!);
    expect(point!.high).toBe(100);
  });

  it('keep with each comment the values its author rated low, for the comments filter', () => {
    const r = emptyRollup('company', 'nps');
    addResponse(r, response(3, { price: { performance: 1 }, speed: { performance: 4 }, quality: { performance: 2 } }, 'too dear'));
    addResponse(r, response(9, { price: { performance: 5 } }, 'fine'));
    expect(r.comments.map((c) => [c.text, c.low])).toEqual([
      ['too dear', ['price', 'quality']],
      ['fine', undefined],
    ]);
  });

  it('draw a line chart with a title and description, a band, a reference line and a break where a period has no value', () => {
    const svg = String(
      LineChart({ id: 't', title: 'NPS per period', description: 'Five periods.', xLabels: ['W1', 'W2', 'W3'], series: [{ label: 'NPS', values: [10, null, 30], band: [{ low: 0, high: 20 }, { low: null, high: null }, { low: 20, high: 40 }] }], yMin: -100, yMax: 100, reference: { value: 5, label: 'Benchmark 5' } }),
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="t-title t-desc"');
    expect(svg).toContain('<title id="t-title">NPS per period</title>');
    expect([...svg.matchAll(/data-value="([^"]+)"/g)].map((m) => m[1])).toEqual(['10', '30']);
    // Two separate moves: the line does not bridge the missing period.
    expect(/<path d="(M[^"]+)" fill="none"/.exec(svg)![1]!.match(/M/g)).toHaveLength(2);
    expect(svg.match(/data-band="NPS"/g)).toHaveLength(2);
    expect(svg).toContain('data-reference="5"');
  });

  it('draw a value with too few ratings to judge hollow, so it does not read as a finding', () => {
    const point = { label: 'Speed', importance: 4, performance: 2, competitor: null };
    const svg = String(
      QuadrantChart({ id: 'q', title: 'Values', description: 'Two values.', meanImportance: 3, meanPerformance: 3, points: [{ ...point, key: '1', tentative: false }, { ...point, label: 'Price', key: '2', tentative: true }] }),
    );
    const circles = [...svg.matchAll(/<circle [^>]*>/g)].map((m) => m[0]);
    expect(circles[0]).toContain('fill="#0b5cad"');
    expect(circles[1]).toContain('fill="#fff"');
    expect(circles[1]).toContain('data-tentative="yes"');
    expect(svg).toContain('Price: importance 4.0, performance 2.0 (too few ratings to judge)');
  });

  it('start a trend at its first period with data, but show at least four periods', () => {
    const none = undefined;
    expect(firstShownPeriod([none, none, none, none, none, none, none, 'w44', 'w45', none, 'w47', 'w48'])).toBe(7);
    expect(firstShownPeriod([none, none, none, none, none, none, none, none, none, none, none, 'w48'])).toBe(8);
    expect(firstShownPeriod(Array(12).fill(none))).toBe(8);
    expect(firstShownPeriod(Array(12).fill('w'))).toBe(0);
  });

  it('pool the last four periods for the values quadrant, so a value rated by a few customers a week can be judged', () => {
    const week = (performance: number) => {
      const r = emptyRollup('company', 'nps');
      for (let i = 0; i < 4; i++) addResponse(r, response(8, { speed: { importance: 4, performance } }));
      return r;
    };
    const weeks = [week(1), undefined, week(2), week(3), week(4)];
    const single = pooledValueTable(['speed'], weeks.slice(-1));
    expect(single).toMatchObject({ periods: 1, rows: [{ id: 'speed', tooFew: true, n: { performance: 4 } }] });
    // The oldest week is past the four pooled; the empty one adds nothing.
    const pooled = pooledValueTable(['speed'], weeks);
    expect(pooled).toMatchObject({ periods: 3, rows: [{ id: 'speed', tooFew: false, n: { performance: 12 } }] });
    expect(pooled.rows[0]!.performance).toBe(3);
    expect(pooledValueTable(['speed'], [undefined, undefined])).toEqual({ rows: [], periods: 0 });
  });
});
