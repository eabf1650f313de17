import type { Table } from '../shared/platform/table/table-client.ts';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import { parseSegmentKey } from '../shared/platform/table/keys.ts';
import { getDepartment, getStaffMember } from '../shared/people/directory-store.ts';
import type { DigestReport, DigestScope } from '../shared/digest/digest-report.ts';
import { readPeriodFacts, reportForScope } from '../shared/digest/period-report.ts';
import { complaintHandlingFrom } from '../shared/complaints/handling-config.ts';

/** `company`, `dept:<id>` or `staff:<email>`, with the name a reader knows it by. */
export async function resolveScope(table: Table, scope: string, businessName: string): Promise<DigestScope | string> {
  const segment = parseSegmentKey(scope);
  if (!segment) return `--scope: "${scope}" is not company, dept:<id> or staff:<email>`;
  if (segment.kind === 'company') return { kind: 'company', name: businessName };
  if (segment.kind === 'staff') {
    const member = await getStaffMember(table, segment.email);
    return member ? { kind: 'staff', email: member.email, name: member.name } : `--scope: no staff member "${segment.email}" (import the staff directory with \`feedback import staff\`)`;
  }
  const department = await getDepartment(table, segment.id);
  return department ? { kind: 'department', id: department.id, name: department.name } : `--scope: no department "${segment.id}"`;
}

/**
 * The digest's figures for one scope and period, read and built exactly as the digest does
 * (rollups aggregated first if the period never was).
 */
export async function buildReport(table: Table, config: TDeploymentConfig, questionnaire: TQuestionnaire, period: string, scope: DigestScope, now = new Date()): Promise<DigestReport | undefined> {
  const facts = await readPeriodFacts(table, questionnaire, period, { calendar: complaintHandlingFrom(config).calendar, now, aggregate: 'if-missing' });
  return reportForScope(facts, scope);
}

export { reportRows, toCsv } from '../shared/digest/report-rows.ts';
