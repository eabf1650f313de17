import { describe, expect, it } from 'vitest';
import { importStaff } from '../../shared/people/import-file.ts';
import { aggregatePeriod } from '../../shared/digest/aggregate-period.ts';
import { fieldNames } from '../../shared/questionnaires/answer-schema.ts';
import { MIN_RATINGS_PER_VALUE } from '../../shared/digest/measures.ts';
import { buildReport } from '../../cli/report.ts';
import { customerQuestionnaire, demoConfig } from '../support/factories.ts';
import { inviteCustomers } from '../support/invite-customer.ts';
import { postForm } from '../support/local-services.ts';
import { usePipeline } from '../support/use-pipeline.ts';

const PERIOD = '2026-W48';
const DEPARTMENTS = [
  ['sam.reed@acme.example', 'installations'],
  ['jo.kim@acme.example', 'repairs'],
  ['ola.nowak@acme.example', 'customer-care'],
] as const;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const clock = new Date('2026-11-23T09:00:00Z');
const pipelines = usePipeline({ now: () => clock });

describe('rotating values through a wave (matrix sampling)', () => {
  it('a planned wave asks every value equally often in each department, and the report counts each value’s own ratings', async () => {
    const pipeline = await pipelines.start();
    await importStaff(pipeline.table, 'examples/staff.csv', { now: clock });
    const contacts = Array.from({ length: 60 }, (_, i) => {
      const [staffEmail, departmentId] = DEPARTMENTS[i % DEPARTMENTS.length]!;
      return { email: `c${i}@customer.example`, name: `Customer ${i}`, language: 'en', staffEmail, departmentId };
    });
    const invited = await inviteCustomers(pipeline, contacts);

    // 20 invitations per department × 2 values = 4 asks of each of the 10 values, exactly.
    for (const [, department] of DEPARTMENTS) {
      const asks = new Map(customerQuestionnaire.values.map((v) => [v.id, 0]));
      for (const customer of invited.filter((c) => c.contact.departmentId === department)) {
        expect(customer.askedValues).toHaveLength(2);
        for (const id of customer.askedValues) asks.set(id, asks.get(id)! + 1);
      }
      expect([...asks.values()]).toEqual(Array(10).fill(4));
    }

    // 45 answer, each rating the values they were asked (performance 1 + i % 5).
    const answered = invited.slice(0, 45);
    for (const [i, customer] of answered.entries()) {
      const fields: Record<string, string> = { score: String(i % 11) };
      for (const id of customer.askedValues) Object.assign(fields, { [fieldNames.importance(id)]: '4', [fieldNames.performance(id)]: String(1 + (i % 5)) });
      expect((await postForm(pipeline, customer.answerPath, fields, { 'user-agent': BROWSER })).status).toBe(200);
    }
    await aggregatePeriod(pipeline.table, customerQuestionnaire, PERIOD);
    const report = (await buildReport(pipeline.table, demoConfig, customerQuestionnaire, PERIOD, { kind: 'company', name: 'Acme' }))!;
    for (const value of report.values) {
      const n = answered.filter((c) => c.askedValues.includes(value.id)).length;
      expect(value.n.performance, value.id).toBe(n);
      expect(value.tooFew, value.id).toBe(n < MIN_RATINGS_PER_VALUE);
    }
    // Every value has ratings after the wave.
    expect(report.values.every((v) => v.n.performance > 0)).toBe(true);
  });
});
