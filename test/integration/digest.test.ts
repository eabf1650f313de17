import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { recordOneClick, recordSubmission } from '../../shared/answering/response-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { aggregatePeriod } from '../../shared/digest/aggregate-period.ts';
import { readRollups } from '../../shared/digest/digest-store.ts';
import type { TAnswers } from '../../shared/questionnaires/answer-schema.ts';
import { buildReport } from '../../cli/report.ts';
import { customerQuestionnaire, demoConfig } from '../support/factories.ts';
import { inviteCustomers } from '../support/invite-customer.ts';
import { inboxEmails } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { launchChromium } from '../support/browser.ts';

const PERIOD = '2026-W48';
const STAFF = [
  ['sam.reed@acme.example', 'installations'],
  ['jo.kim@acme.example', 'repairs'],
  ['ola.nowak@acme.example', 'customer-care'],
] as const;
const COMPARISONS = ['better', 'same', 'worse', 'dk'] as const;

/** The known answers of customer i: every figure below is computed from these, independently of the product. */
function answersOf(i: number): TAnswers {
  return {
    headline: i % 11,
    values: { quality: { importance: 5 - (i % 5), performance: 1 + (i % 5) }, speed: { importance: 4, performance: i % 2 === 0 ? 2 : 4 } },
    probes: {},
    standards: { 'called-by-name': i % 3 !== 0 },
    comparison: COMPARISONS[i % 4]!,
    ...(i % 10 === 0 ? { comment: `Comment <${i}> & more` } : {}),
    complaintRequested: false,
  };
}
const nps = (scores: number[]) => (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;

const clock = new Date('2026-11-23T09:00:00Z');
const pipelines = usePipeline({ now: () => clock });

/** N customers spread over three departments, invited in PERIOD; the first `answered` of them answer. */
async function generate(customers: number, answered: number) {
  const pipeline = await pipelines.start();
  await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
  const contacts = Array.from({ length: customers }, (_, i) => {
    const [staffEmail, departmentId] = STAFF[i % STAFF.length]!;
    return { email: `c${i}@customer.example`, name: `Customer ${i}`, language: 'en', staffEmail, departmentId };
  });
  const invitations = (await inviteCustomers(pipeline, contacts)).map((customer) => customer.invitation);
  for (let i = 0; i < answered; i++) await recordSubmission(pipeline.table, invitations[i]!, answersOf(i), { at: clock.toISOString() });
  return { pipeline, invitations };
}

describe('aggregation and the digest (DynamoDB Local + SES emulator)', () => {
  it('the digest’s figures equal those computed independently from the known answers', async () => {
    const { pipeline, invitations } = await generate(60, 45);
    // A scanner's one-click fetch on an unanswered invitation must not count.
    await recordOneClick(pipeline.table, invitations[59]!, { score: 0, at: '2026-11-23T10:00:00.000Z', holdReason: 'scanner-agent' });

    const result = await aggregatePeriod(pipeline.table, customerQuestionnaire, PERIOD);
    expect(result).toMatchObject({ read: 46, counted: 45 });

    const all = Array.from({ length: 45 }, (_, i) => i);
    const inDept = (d: number) => all.filter((i) => i % 3 === d);
    const report = (await buildReport(pipeline.table, demoConfig, customerQuestionnaire, PERIOD, { kind: 'company', name: 'Acme' }))!;
    expect(report.responses).toBe(45);
    expect(report.delivered).toBe(60);
    expect(report.responseRate).toBe(0.75);
    expect(report.score).toBeCloseTo(nps(all.map((i) => answersOf(i).headline)), 9);
    const quality = report.values.find((v) => v.id === 'quality')!;
    expect(quality.importance).toBeCloseTo(all.reduce((s, i) => s + (5 - (i % 5)), 0) / 45, 9);
    expect(quality.performance).toBeCloseTo(all.reduce((s, i) => s + 1 + (i % 5), 0) / 45, 9);
    expect(report.standards.find((s) => s.id === 'called-by-name')!.compliance).toBeCloseTo(all.filter((i) => i % 3 !== 0).length / 45, 9);
    const views = all.map((i) => COMPARISONS[i % 4]).filter((c) => c !== 'dk');
    expect(report.comparison!.better).toBeCloseTo(views.filter((c) => c === 'better').length / views.length, 9);
    expect(report.comments.map((c) => c.score)).toEqual(all.filter((i) => i % 10 === 0).map((i) => i % 11).sort((a, b) => a - b));

    const repairs = (await buildReport(pipeline.table, demoConfig, customerQuestionnaire, PERIOD, { kind: 'department', id: 'repairs', name: 'Repairs' }))!;
    expect(repairs.responses).toBe(inDept(1).length);
    expect(repairs.score).toBeCloseTo(nps(inDept(1).map((i) => i % 11)), 9);
    expect(repairs.staff.map((s) => [s.email, s.delivered, s.responses])).toEqual([['jo.kim@acme.example', 20, 15]]);
  });

  it('re-running a period replaces its rollups: an edited response counts as edited, once', async () => {
    const { pipeline, invitations } = await generate(12, 12);
    await aggregatePeriod(pipeline.table, customerQuestionnaire, PERIOD);
    await recordSubmission(pipeline.table, invitations[0]!, { ...answersOf(0), headline: 10 }, { at: '2026-11-24T09:00:00.000Z' });
    await aggregatePeriod(pipeline.table, customerQuestionnaire, PERIOD);
    const company = (await readRollups(pipeline.table, customerQuestionnaire.id, PERIOD)).find((r) => r.segment === 'company')!;
    const scores = Array.from({ length: 12 }, (_, i) => (i === 0 ? 10 : i % 11));
    expect(company.responses).toBe(12);
    expect(company.scoreSum).toBe(scores.reduce((a, b) => a + b, 0));
  });

  it('reading a period’s rollups costs the same for 3 responses as for 36', async () => {
    const first = await generate(36, 36);
    await aggregatePeriod(first.pipeline.table, customerQuestionnaire, PERIOD);
    const big = { readUnits: 0 };
    await readRollups(first.pipeline.table, customerQuestionnaire.id, PERIOD, big);
    await first.pipeline.stop();
    const { pipeline } = await generate(36, 3);
    await aggregatePeriod(pipeline.table, customerQuestionnaire, PERIOD);
    const small = { readUnits: 0 };
    await readRollups(pipeline.table, customerQuestionnaire.id, PERIOD, small);
    expect(big.readUnits).toBeGreaterThan(0);
    expect(big.readUnits).toBeLessThanOrEqual(small.readUnits + 1);
  });

  it('sends one digest per manager scope and one to the head of service, skips empty scopes, and renders in Chromium', async () => {
    const { pipeline } = await generate(30, 20);
    const { outcomes } = await pipeline.jobs.sendDigests(new Date('2026-11-30T07:00:00Z'));
    expect(outcomes.filter((o) => o.outcome === 'sent').map((o) => o.recipient).sort()).toEqual([
      demoConfig.complaintHandling.headOfServiceEmail,
      'lena.novak@acme.example',
      'priya.shah@acme.example',
      'tom.osei@acme.example',
    ]);
    const again = await pipeline.jobs.sendDigests(new Date('2026-11-30T08:00:00Z'));
    expect(again.outcomes.every((o) => o.outcome === 'already-sent')).toBe(true);

    const digests = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.includes(`feedback ${PERIOD}`));
    expect(digests).toHaveLength(4);
    const company = digests.find((e) => e.destination.to.includes(demoConfig.complaintHandling.headOfServiceEmail))!;
    const expectedNps = Math.round(nps(Array.from({ length: 20 }, (_, i) => i % 11)));
    expect(company.body.text).toContain(`NPS: ${expectedNps} from 20 responses`);
    expect(company.body.html).toContain('Comment &lt;0&gt; &amp; more');
    // No scripts, and no image but the business's logo (config `branding.logo`).
    expect(company.body.html).not.toMatch(/<script/i);
    expect([...company.body.html!.matchAll(/<img [^>]*src="([^"]*)"/gi)].map((m) => new URL(m[1]!).pathname)).toEqual(['/brand/logo']);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 700, height: 1400 } });
      await page.setContent(company.body.html!);
      expect(await page.locator('body').innerText()).toContain(`${expectedNps}\nNPS`);
      mkdirSync('test/.tmp', { recursive: true });
      await page.screenshot({ path: 'test/.tmp/digest.png', fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('the monthly staff digest gives each staff member their own figures and only the comments about them', async () => {
    const { pipeline } = await generate(30, 20);
    await aggregatePeriod(pipeline.table, customerQuestionnaire, PERIOD);
    const { outcomes } = await pipeline.jobs.sendStaffDigests(new Date('2026-12-01T08:00:00Z'), { month: '2026-11' });
    expect(outcomes.map((o) => [o.recipient, o.outcome]).sort()).toEqual([
      ['jo.kim@acme.example', 'sent'],
      ['ola.nowak@acme.example', 'sent'],
      ['sam.reed@acme.example', 'sent'],
    ]);
    const mail = (await inboxEmails(pipeline.inbox)).filter((e) => e.subject.startsWith('Your feedback for 2026-11'));
    const sam = mail.find((e) => e.destination.to.includes('sam.reed@acme.example'))!;
    // Customers 0, 3, 6, … (of 20 answered) were served by Sam.
    const samScores = Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 3 === 0).map((i) => i % 11);
    expect(sam.body.text).toContain(`NPS: ${Math.round(nps(samScores))} from ${samScores.length} responses`);
    expect(sam.body.html).toContain('Comment &lt;0&gt; &amp; more');
    expect(sam.body.html).not.toContain('Comment &lt;10&gt;');
  });
});
