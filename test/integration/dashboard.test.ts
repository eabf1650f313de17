import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData, seedDemoHistory, DEMO_HISTORY_WEEKS } from '../../local/demo-data.ts';
import { openComplaint, type TNewComplaint } from '../../shared/complaints/complaint-store.ts';
import { recordSubmission } from '../../shared/answering/response-store.ts';
import { readPeriodFacts, reportForScope } from '../../shared/digest/period-report.ts';
import { complaintHandlingFrom } from '../../shared/complaints/handling-config.ts';
import { signDashboardToken, type DashboardScope } from '../../shared/dashboard/dashboard-scope.ts';
import { revokeDashboardLinks } from '../../shared/dashboard/dashboard-store.ts';
import { newLinkId } from '../../shared/platform/tokens/link-token.ts';
import { trendPeriods } from '../../shared/dashboard/dashboard-data.ts';
import { customerQuestionnaire, demoConfig } from '../support/factories.ts';
import { linkPath, mailSentTo, type TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const SECRET = 'test-secret-'.padEnd(40, 'x');
const pipelines = usePipeline({ now: () => NOW, linkSecret: SECRET }, { per: 'file' });
let pipeline: TestPipeline;
let elsewhere: string;
let ownDepartment: string;

const link = (scope: DashboardScope, options: { now?: Date; days?: number } = {}) => `/dashboard/${signDashboardToken(scope, SECRET, { now: options.now ?? NOW, ...(options.days ? { days: options.days } : {}) })}`;
const get = (path: string) => pipeline.app.request(path);

function complaint(departmentId: string, staffEmail: string): TNewComplaint {
  return {
    id: newLinkId(),
    questionnaireId: customerQuestionnaire.id,
    waveId: '2026-W47',
    reasons: ['low-score'],
    customer: { email: 'c@customer.example', name: 'Cara Customer', language: 'en' },
    staffEmail,
    departmentId,
    ownerEmail: 'tom.osei@acme.example',
    createdAt: '2026-11-18T10:00:00.000Z',
    acknowledgeBy: '2026-11-18T14:00:00.000Z',
    resolveBy: '2026-11-20T17:00:00.000Z',
  };
}

beforeAll(async () => {
  pipeline = await pipelines.start();
  await seedDemoData(pipeline.table, NOW);
  await seedDemoHistory(pipeline.table, customerQuestionnaire, { now: NOW, timeZone: demoConfig.timeZone, headOfServiceEmail: demoConfig.complaintHandling.headOfServiceEmail });
  const repairs = complaint('repairs', 'jo.kim@acme.example');
  const installations = complaint('installations', 'sam.reed@acme.example');
  await openComplaint(pipeline.table, repairs);
  await openComplaint(pipeline.table, installations);
  elsewhere = repairs.id;
  ownDepartment = installations.id;
}, 120_000);

describe('the managers’ dashboard', () => {
  it('shows the head of service the headline trend whose points are the report builder’s figures, period by period', async () => {
    const res = await get(link({ kind: 'company' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    const chart = /<svg[^>]*data-chart="headline"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const plotted = [...chart.matchAll(/<circle[^>]*data-value="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(plotted).toHaveLength(DEMO_HISTORY_WEEKS);
    const periods = trendPeriods(NOW, demoConfig.timeZone).slice(-DEMO_HISTORY_WEEKS);
    const calendar = complaintHandlingFrom(demoConfig).calendar;
    const expected = [];
    for (const period of periods) {
      const facts = await readPeriodFacts(pipeline.table, customerQuestionnaire, period, { calendar, now: NOW, aggregate: 'if-missing' });
      expected.push(reportForScope(facts, { kind: 'company', name: 'x' })!.score);
    }
    expect(plotted).toEqual(expected);
    // The benchmark (the first wave) is the reference line.
    expect(chart).toMatch(new RegExp(`data-reference="${expected[0]}"`));
  });

  it('starts a new user with complaints to look at: one a week in the demo history, all resolved but the latest', async () => {
    const complaintLinks = async (filter: string) => [...(await (await get(`${link({ kind: 'company' })}/complaints?filter=${filter}`)).text()).matchAll(/href="[^"]*\/complaints\/([^"?]+)"/g)].map((m) => m[1]);
    expect(await complaintLinks('resolved')).toHaveLength(DEMO_HISTORY_WEEKS - 1);
    // The latest demo complaint and the two this file opens.
    expect(await complaintLinks('open')).toHaveLength(3);
  });

  it('opens every page for a department link, within its department', async () => {
    const base = link({ kind: 'department', id: 'installations' });
    for (const page of ['', '/values', '/standards', '/staff', '/complaints', '/comments', '/figures.csv', '/responses.csv', `/complaints/${ownDepartment}`]) {
      const res = await get(`${base}${page}`);
      expect(res.status, page).toBe(200);
    }
    expect(await (await get(`${base}/complaints?filter=overdue`)).text()).toContain(`/complaints/${ownDepartment}`);
    expect(await (await get(`${base}/complaints?filter=overdue`)).text()).not.toContain(elsewhere);
    expect((await get(`${base}?segment=${encodeURIComponent('staff:sam.reed@acme.example')}`)).status).toBe(200);
    // The staff questionnaire is one switch away, for the department's own figures.
    expect(await (await get(base)).text()).toContain('?q=staff-policies');
    expect((await get(`${base}?q=staff-policies`)).status).toBe(200);
    expect((await get(`${base}?q=no-such-questionnaire`)).status).toBe(404);
  });

  it('downloads the department’s figures in the report’s CSV and its responses with no customer’s identity', async () => {
    const base = link({ kind: 'department', id: 'installations' });
    const figures = await get(`${base}/figures.csv`);
    expect(figures.headers.get('content-type')).toContain('text/csv');
    const figureText = await figures.text();
    expect(figureText.split('\r\n')[0]).toBe('section,item,measure,value');
    expect(figureText).toContain('headline,Installations,responses,10');
    const rows = (await (await get(`${base}/responses.csv`)).text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^answered at,department,staff,nps,/);
    expect(rows).toHaveLength(1 + 10);
    expect(rows.slice(1).every((row) => row.split(',')[1] === 'installations')).toBe(true);
    expect(rows.join('\n')).not.toMatch(/customer\.example|Past customer/);
  });

  it('downloads an anonymous questionnaire’s responses with the day only, no staff member, and no department too small to report', async () => {
    const answer = (departmentId: string, i: number) =>
      recordSubmission(
        pipeline.table,
        { questionnaireId: 'staff-policies', waveId: '2026-W47', linkId: newLinkId(), responseId: newLinkId(), attribution: { departmentId, staffEmail: 'someone@acme.example' } },
        { headline: 4, values: {}, probes: {}, standards: {}, comment: `note ${i}`, complaintRequested: false },
        { at: '2026-11-18T10:11:12.000Z' },
      );
    for (let i = 0; i < 5; i++) await answer('repairs', i);
    for (let i = 0; i < 2; i++) await answer('installations', i);
    const csv = async (scope: DashboardScope) => (await (await get(`${link(scope)}/responses.csv?q=staff-policies`)).text()).trim().split('\r\n');
    const company = await csv({ kind: 'company' });
    expect(company[0]).toMatch(/^answered on,department,staff,/);
    expect(company.slice(1).map((row) => row.split(',').slice(0, 3).join(',')).sort()).toEqual([...Array(2).fill('2026-11-18,,'), ...Array(5).fill('2026-11-18,repairs,')]);
    expect(company.join('\n')).not.toContain('someone@acme.example');
    expect(await csv({ kind: 'department', id: 'repairs' })).toHaveLength(1 + 5);
    expect(await csv({ kind: 'department', id: 'installations' })).toHaveLength(1);
  });

  it('lets a link act on a complaint only where its reader holds it, through the complaint’s own signed page', async () => {
    const act = async (path: string) => /href="(\/complaints\/[^"]+)"/.exec(await (await get(path)).text())?.[1];
    const repairsLink = link({ kind: 'department', id: 'repairs' });
    const action = await act(`${repairsLink}/complaints/${elsewhere}`);
    expect(action).toBeDefined();
    const page = await (await get(action!.replace(/&amp;/g, '&'))).text();
    expect(page).toContain('Acknowledge');
    // Owned by Repairs' manager: Installations' manager and the head of service (not escalated) only read it.
    expect(await act(`${link({ kind: 'department', id: 'installations' })}/complaints/${ownDepartment}`)).toBeUndefined();
    expect(await act(`${link({ kind: 'company' })}/complaints/${elsewhere}`)).toBeUndefined();
    expect(await (await get(`${link({ kind: 'company' })}/complaints/${elsewhere}`)).text()).toContain('Held by tom.osei@acme.example');
  });

  it('never widens a department link: another department, the company, a staff member or a complaint elsewhere is the neutral 404', async () => {
    const base = link({ kind: 'department', id: 'installations' });
    const neutral = await (await get('/dashboard/not-a-token')).text();
    for (const path of [
      `${base}?segment=${encodeURIComponent('dept:repairs')}`,
      `${base}/values?segment=company`,
      `${base}/staff?segment=${encodeURIComponent('staff:jo.kim@acme.example')}`,
      `${base}/responses.csv?segment=${encodeURIComponent('dept:repairs')}`,
      `${base}/complaints/${elsewhere}`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toBe(neutral);
    }
  });

  it('keeps a staff member’s link to their own figures', async () => {
    const base = link({ kind: 'staff', email: 'jo.kim@acme.example' });
    expect((await get(base)).status).toBe(200);
    expect((await get(`${base}?segment=${encodeURIComponent('staff:max.berg@acme.example')}`)).status).toBe(404);
    expect((await get(`${base}?segment=${encodeURIComponent('dept:repairs')}`)).status).toBe(404);
    const own = await get(`${base}/complaints/${elsewhere}`);
    expect(own.status).toBe(200);
    // Complaints about them, but not who made them.
    const ownPage = await own.text();
    expect(ownPage).not.toContain('Cara Customer');
    expect(ownPage).not.toContain('c@customer.example');
    expect(ownPage).toContain('A customer');
    expect((await get(`${base}/complaints/${ownDepartment}`)).status).toBe(404);
    expect((await get(`${base}?q=staff-policies`)).status).toBe(404);
  });

  it('refuses revoked, expired and tampered links alike, and a revocation ends only its own scope’s earlier links', async () => {
    const scope: DashboardScope = { kind: 'department', id: 'repairs' };
    const before = link(scope, { now: new Date(NOW.getTime() - 60_000) });
    const other = link({ kind: 'department', id: 'installations' }, { now: new Date(NOW.getTime() - 60_000) });
    expect((await get(before)).status).toBe(200);
    await revokeDashboardLinks(pipeline.table, scope, new Date(NOW.getTime() - 1000));
    const neutral = await (await get('/dashboard/x')).text();
    expect((await get(before)).status).toBe(404);
    expect(await (await get(before)).text()).toBe(neutral);
    expect((await get(link(scope))).status).toBe(200);
    expect((await get(other)).status).toBe(200);
    // A revocation from a clock that is behind never brings the revoked links back.
    expect(await revokeDashboardLinks(pipeline.table, scope, new Date(NOW.getTime() - 3_600_000))).toBe(false);
    expect((await get(before)).status).toBe(404);

    const expired = link({ kind: 'company' }, { now: new Date(NOW.getTime() - 31 * 86_400_000) });
    expect((await get(expired)).status).toBe(404);
    const good = link({ kind: 'department', id: 'installations' });
    const tampered = good.replace(/\.d([0-9a-z]{9})([A-Za-z0-9_-]+)\./, (_, issued: string) => `.d${issued}${Buffer.from('repairs').toString('base64url')}.`);
    expect(tampered).not.toBe(good);
    expect((await get(tampered)).status).toBe(404);
  });

  it('puts each digest reader’s own dashboard in their digest, and a department manager’s in the escalation of their department’s complaint', async () => {
    await pipeline.jobs.sendDigests(NOW, { period: '2026-W47' });
    const [head] = await mailSentTo(pipeline, demoConfig.complaintHandling.headOfServiceEmail);
    const [priya] = await mailSentTo(pipeline, 'priya.shah@acme.example');
    for (const email of [head!, priya!]) expect(email.body.html).toContain('Open the dashboard');
    expect((await get(`${linkPath(head!.body.text!, '/dashboard/')}?segment=${encodeURIComponent('dept:repairs')}`)).status).toBe(200);
    const installations = linkPath(priya!.body.text!, '/dashboard/');
    expect((await get(installations)).status).toBe(200);
    expect((await get(`${installations}?segment=${encodeURIComponent('dept:repairs')}`)).status).toBe(404);

    await pipeline.jobs.sweepComplaints(NOW);
    await pipeline.drained();
    const escalations = (await mailSentTo(pipeline, 'tom.osei@acme.example')).filter((e) => e.subject.startsWith('Complaint'));
    expect(escalations).toHaveLength(2);
    const [own, foreign] = [escalations.find((e) => e.subject.includes('Repairs'))!, escalations.find((e) => !e.subject.includes('Repairs'))!];
    const repairs = linkPath(own.body.text!, '/dashboard/');
    expect(await (await get(`${repairs}/complaints?filter=all`)).text()).toContain(elsewhere);
    // Tom manages Repairs: an Installations complaint handed to him brings no Installations dashboard.
    expect(foreign.body.text).not.toContain('/dashboard/');
  });
});
