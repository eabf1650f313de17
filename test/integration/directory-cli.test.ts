import { describe, expect, it } from 'vitest';
import { importStaff } from '../../shared/people/import-file.ts';
import { openComplaint, type TNewComplaint } from '../../shared/complaints/complaint-store.ts';
import { recordSubmission } from '../../shared/answering/response-store.ts';
import { customerQuestionnaire } from '../support/factories.ts';
import { usePipeline } from '../support/use-pipeline.ts';
import { cliOn } from '../support/cli-on-pipeline.ts';

const pipelines = usePipeline({ now: () => new Date('2026-11-23T09:00:00Z') });

function complaint(id: string, departmentId: string | null): TNewComplaint {
  const createdAt = new Date(Date.now() - 3_600_000).toISOString();
  return {
    id,
    questionnaireId: customerQuestionnaire.id,
    waveId: '2026-W48',
    reasons: ['requested', 'low-headline'],
    customer: { email: `${id}@customer.example`, name: 'Ann <b>Lee</b>', language: 'en' },
    staffEmail: 'sam.reed@acme.example',
    departmentId,
    ownerEmail: 'priya.shah@acme.example',
    createdAt,
    acknowledgeBy: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    resolveBy: new Date(Date.now() + 48 * 3_600_000).toISOString(),
  };
}

describe('the CLI’s directory and complaint views (DynamoDB Local)', () => {
  it('`departments` lists every imported department with its manager, staff and open complaints', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: new Date() });
    await openComplaint(pipeline.table, complaint('dept-complaint-1', 'installations'));
    const run = await cliOn(pipeline, ['departments', '--format', 'json']);
    expect(run.code).toBe(0);
    const departments = JSON.parse(run.out) as Array<{ id: string; managerEmail: string; staff: number; openComplaints: number }>;
    expect(departments.map((d) => d.id)).toEqual(['customer-care', 'installations', 'repairs']);
    expect(departments.find((d) => d.id === 'installations')).toMatchObject({ managerEmail: 'priya.shah@acme.example', staff: 2, openComplaints: 1 });
    const table = await cliOn(pipeline, ['departments']);
    expect(table.out).toMatch(/^ID\s+NAME\s+MANAGER\s+STAFF\s+OPEN COMPLAINTS\n/);
    expect(table.out).toMatch(/installations\s+Installations\s+priya\.shah@acme\.example\s+2\s+1/);
  });

  it('`staff --department` lists that department’s people, and an unknown department exits 1 naming the command that lists them', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: new Date() });
    const run = await cliOn(pipeline, ['staff', '--department', 'repairs', '--format', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as Array<{ email: string }>).map((s) => s.email).sort()).toEqual(['jo.kim@acme.example', 'tom.osei@acme.example']);
    const all = await cliOn(pipeline, ['staff']);
    expect(all.out.split('\n')).toHaveLength(7);
    const unknown = await cliOn(pipeline, ['staff', '--department', 'plumbing']);
    expect(unknown.code).toBe(1);
    expect(unknown.out + unknown.err).toContain('No department "plumbing". `feedback departments` lists them.');
  });

  it('`complaints show` takes the id `complaints` prints and shows the complaint with its answers and history', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: new Date() });
    await openComplaint(pipeline.table, complaint('Q7x9Kp2mAbCdEf', 'installations'));
    await recordSubmission(
      pipeline.table,
      { questionnaireId: customerQuestionnaire.id, waveId: '2026-W48', linkId: 'Q7x9Kp2mAbCdEf' },
      { headline: 2, values: {}, probes: {}, standards: {}, comment: 'The engineer never came.', complaintRequested: true },
      { at: new Date().toISOString() },
    );
    const list = await cliOn(pipeline, ['complaints']);
    const shown = list.out.split('\n')[1]!.split(/\s+/)[0]!;
    expect(shown).toBe('Q7x9Kp2m');
    const run = await cliOn(pipeline, ['complaints', 'show', shown]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('Complaint Q7x9Kp2mAbCdEf');
    expect(run.out).toMatch(/State: open, to acknowledge by /);
    expect(run.out).toContain('Owner: Priya Shah <priya.shah@acme.example>');
    expect(run.out).toContain('Customer: Ann <b>Lee</b> <Q7x9Kp2mAbCdEf@customer.example>');
    expect(run.out).toContain('Score: 2 (NPS)');
    expect(run.out).toContain('Comment:\n  The engineer never came.');
    expect(run.out).toMatch(/History:\n  .+  opened/);
    const json = await cliOn(pipeline, ['complaints', 'show', 'Q7x9Kp2mAbCdEf', '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({ complaint: { id: 'Q7x9Kp2mAbCdEf', state: 'open' }, response: { headlineScore: 2 }, overdue: false });
  });

  it('`complaints show` refuses an id that matches no complaint, or several, and a missing id is a usage error', async () => {
    const pipeline = await pipelines.start();
    await openComplaint(pipeline.table, complaint('same-prefix-1', null));
    await openComplaint(pipeline.table, complaint('same-prefix-2', null));
    const ambiguous = await cliOn(pipeline, ['complaints', 'show', 'same-pre']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.out + ambiguous.err).toContain('2 complaints have ids starting same-pre: same-prefix-1, same-prefix-2. Give more of the id.');
    const none = await cliOn(pipeline, ['complaints', 'show', 'nothing1']);
    expect(none.code).toBe(1);
    expect(none.out + none.err).toContain('No complaint with id nothing1.');
    expect((await cliOn(pipeline, ['complaints', 'show'])).code).toBe(2);
    expect((await cliOn(pipeline, ['complaints', 'open'])).code).toBe(2);
  });
});
