import { Hono } from 'hono';
import { ensureTable } from '../local/create-table.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';
import { aggregatePeriod } from '../shared/digest/aggregate-period.ts';
import { createInvitation } from '../shared/invitations/invitation-store.ts';
import { recordSubmission } from '../shared/answering/response-store.ts';
import { saveDepartment, saveStaffMember } from '../shared/people/directory-store.ts';
import { openTable } from '../shared/platform/table/table-client.ts';
import { newLinkId } from '../shared/platform/tokens/link-token.ts';
import type { AppEnv } from '../shared/platform/web/app-env.ts';
import { registerDashboardRoutes } from '../shared/dashboard/dashboard-routes.tsx';
import { signDashboardToken } from '../shared/dashboard/dashboard-scope.ts';
import { meterCapacity } from './capacity-meter.ts';
import { syntheticAnswers } from './synthetic-answers.ts';

/** The pages measured, as paths after the dashboard's base. */
export const DASHBOARD_PAGES_MEASURED = ['', '/values', '/standards', '/staff', '/complaints', '/comments'] as const;

export interface DashboardReads {
  /** Per data size: the responses in the period, and each page's read units for a department and for the company. */
  sizes: Array<{ responses: number; company: Record<string, number>; department: Record<string, number> }>;
}

const STAFF = 6;
const DEPARTMENTS = 2;
const SECRET = 'bench-dashboard-secret-'.padEnd(48, 'z');
/** A Wednesday: the dashboard's "this period" is the week before, which the responses are in. */
const NOW = new Date('2026-11-25T12:00:00Z');
const PERIOD = '2026-W47';

/**
 * A dashboard page's DynamoDB read units (`ReturnConsumedCapacity`), for periods of each size
 * in `sizes`, each in a table of its own: the same 6 staff in 2 departments, full answers
 * with a comment on every one (so each rollup holds its 30 comments at every size, the
 * largest a rollup gets). The pages read rollups, the complaint index and the directory,
 * never responses, so the units must not follow the number of responses.
 */
export async function measureDashboardReads(options: { dynamodbEndpoint: string; sizes: readonly number[]; onProgress?: (line: string) => void }): Promise<DashboardReads> {
  const questionnaire = loadQuestionnaires().find((q) => q.audience === 'customers')!;
  const config = loadDeploymentConfig();
  const sizes: DashboardReads['sizes'] = [];
  for (const responses of options.sizes) {
    const tableName = `dashboard-${responses}-${Date.now()}`;
    await ensureTable(options.dynamodbEndpoint, tableName);
    const table = openTable(tableName, { endpoint: options.dynamodbEndpoint });
    for (let d = 0; d < DEPARTMENTS; d++) await saveDepartment(table, { id: `dept-${d}`, name: `Department ${d}`, managerEmail: `manager${d}@acme.example` });
    for (let s = 0; s < STAFF; s++) await saveStaffMember(table, { email: `staff${s}@acme.example`, name: `Staff ${s}`, departmentId: `dept-${s % DEPARTMENTS}`, role: 'staff' });
    options.onProgress?.(`dashboard reads: writing a period of ${responses.toLocaleString('en')} responses`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < responses) {
          const i = next++;
          const linkId = newLinkId();
          const staff = i % STAFF;
          await createInvitation(table, {
            audience: 'customers', questionnaireId: questionnaire.id, waveId: PERIOD, email: `reader${i}@customer.example`, name: `Reader ${i}`, language: 'en', linkId, status: 'sent', createdAt: '2026-11-17T10:00:00.000Z',
            staffEmail: `staff${staff}@acme.example`, departmentId: `dept-${staff % DEPARTMENTS}`,
          });
          const answers = syntheticAnswers(questionnaire, i);
          await recordSubmission(table, { questionnaireId: questionnaire.id, waveId: PERIOD, linkId }, { ...answers, comment: `Comment number ${i % 100} about the service.` }, { at: '2026-11-18T10:00:00.000Z' });
        }
      }),
    );
    await aggregatePeriod(table, questionnaire, PERIOD);
    const app = new Hono<AppEnv>();
    registerDashboardRoutes(app, { table, questionnaires: [questionnaire], businessName: 'Bench', complaintHandling: complaintHandlingFrom(config), linkSecret: async () => SECRET, now: () => NOW });
    const meter = meterCapacity(table);
    const measure = async (scope: Parameters<typeof signDashboardToken>[0]) => {
      const base = `/dashboard/${signDashboardToken(scope, SECRET, { now: NOW })}`;
      const units: Record<string, number> = {};
      for (const page of DASHBOARD_PAGES_MEASURED) {
        meter.reset();
        const response = await app.request(`${base}${page}`);
        if (response.status !== 200) throw new Error(`dashboard page ${page || '/'} answered ${response.status}`);
        units[page || '/'] = Math.round(meter.reads * 10) / 10;
      }
      return units;
    };
    sizes.push({ responses, company: await measure({ kind: 'company' }), department: await measure({ kind: 'department', id: 'dept-0' }) });
  }
  return { sizes };
}
