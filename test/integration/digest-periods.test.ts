import { describe, expect, it } from 'vitest';
import { recordSubmission } from '../../shared/answering/response-store.ts';
import { importStaff } from '../../shared/people/import-file.ts';
import { openComplaint, updateComplaint, type TNewComplaint } from '../../shared/complaints/complaint-store.ts';
import { decideAction } from '../../shared/complaints/complaint-actions.ts';
import type { Table } from '../../shared/platform/table/table-client.ts';
import type { TAnswers } from '../../shared/questionnaires/answer-schema.ts';
import { buildReport, resolveScope } from '../../cli/report.ts';
import { customerQuestionnaire, demoConfig } from '../support/factories.ts';
import { inboxEmails, type TestPipeline } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const pipelines = usePipeline({ now: () => new Date('2026-11-23T09:00:00Z') });
const HEAD = demoConfig.complaintHandling.headOfServiceEmail;

function answers(score: number): TAnswers {
  return { headline: score, values: {}, probes: {}, standards: {}, complaintRequested: false };
}

/** `n` answers in each period, written straight to the period's responses. */
async function answersIn(pipeline: TestPipeline, periods: readonly string[], n = 3) {
  for (const waveId of periods) {
    for (let i = 0; i < n; i++) {
      await recordSubmission(pipeline.table, { questionnaireId: customerQuestionnaire.id, waveId, linkId: `${waveId}-${i}` }, answers(8 + (i % 3)), { at: '2026-11-25T10:00:00.000Z' });
    }
  }
}

/** The owner resolves it through their link, at `at`. */
async function resolveComplaint(table: Table, id: string, at: string): Promise<void> {
  const handling = { headOfServiceEmail: HEAD, notifyCustomerOnAcknowledge: false };
  await updateComplaint(table, id, (complaint) => decideAction(complaint, { assignment: 0 }, { action: 'resolve' }, handling, at));
}

function complaint(id: string, createdAt: string): TNewComplaint {
  const hours = (h: number) => new Date(Date.parse(createdAt) + h * 3_600_000).toISOString();
  return {
    id,
    questionnaireId: customerQuestionnaire.id,
    waveId: '2026-W48',
    reasons: ['requested'],
    customer: { email: `${id}@customer.example`, name: `Customer ${id}`, language: 'en' },
    staffEmail: null,
    departmentId: null,
    ownerEmail: HEAD,
    createdAt,
    acknowledgeBy: hours(4),
    resolveBy: hours(48),
  };
}

describe('digests by period (DynamoDB Local + SES emulator)', () => {
  it('counts each complaint in the week it was opened, resolved or open at the end of, and the digest and `feedback report` agree', async () => {
    const pipeline = await pipelines.start();
    await answersIn(pipeline, ['2026-W48']);
    // Opened in W47, resolved in W48.
    await openComplaint(pipeline.table, complaint('w47', '2026-11-18T10:00:00.000Z'));
    await resolveComplaint(pipeline.table, 'w47', '2026-11-25T10:00:00.000Z');
    // Opened in W48, resolved in W49: open at the end of W48.
    await openComplaint(pipeline.table, complaint('w48', '2026-11-24T10:00:00.000Z'));
    await resolveComplaint(pipeline.table, 'w48', '2026-12-02T10:00:00.000Z');
    // Opened in W49, still open: nothing to do with W48.
    await openComplaint(pipeline.table, complaint('w49', '2026-12-01T10:00:00.000Z'));

    const at = new Date('2026-12-07T07:00:00Z');
    const report = (await buildReport(pipeline.table, demoConfig, customerQuestionnaire, '2026-W48', { kind: 'company', name: demoConfig.businessName }, at))!;
    expect(report.complaints).toMatchObject({ opened: 1, resolved: 1, openAtEnd: 1 });
    expect(report.complaints.open.map((c) => c.customer)).toEqual(['Customer w48']);
    expect(report.headline).toContain('1 complaint open at the end of the period');

    await pipeline.jobs.sendDigests(at, { period: '2026-W48' });
    const digest = (await inboxEmails(pipeline.inbox)).find((e) => e.destination.to.includes(HEAD) && e.subject.includes('2026-W48'))!;
    expect(digest.body.text).toContain(report.headline);
    expect(digest.body.text).toContain('Complaints: 1 opened, 1 resolved, 1 open at the end;');
  });

  it('a scope’s digest for a period is sent once, in whatever order periods are run', async () => {
    const pipeline = await pipelines.start();
    await answersIn(pipeline, ['2026-W48', '2026-W49']);
    const at = new Date('2026-12-08T07:00:00Z');
    const sent = async (period: string, resend = false) =>
      (await pipeline.jobs.sendDigests(at, { period, ...(resend ? { resend } : {}) })).outcomes.filter((o) => o.recipient === HEAD).map((o) => o.outcome);

    expect(await sent('2026-W49')).toEqual(['sent']);
    expect(await sent('2026-W48')).toEqual(['sent']);
    expect(await sent('2026-W49')).toEqual(['already-sent']);
    expect(await sent('2026-W48')).toEqual(['already-sent']);
    const toHead = (await inboxEmails(pipeline.inbox)).filter((e) => e.destination.to.includes(HEAD));
    expect(toHead.map((e) => e.subject.match(/2026-W\d\d/)?.[0]).sort()).toEqual(['2026-W48', '2026-W49']);
    expect(await sent('2026-W48', true)).toEqual(['sent']);
  });

  it('a staff member’s report is headed by their name, not their address', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: new Date('2026-11-23T09:00:00Z') });
    const scope = await resolveScope(pipeline.table, 'staff:Sam.Reed@acme.example', demoConfig.businessName);
    expect(scope).toEqual({ kind: 'staff', email: 'sam.reed@acme.example', name: 'Sam Reed' });
    expect(await resolveScope(pipeline.table, 'staff:nobody@acme.example', demoConfig.businessName)).toMatch(/no staff member "nobody@acme.example"/);
  });
});
