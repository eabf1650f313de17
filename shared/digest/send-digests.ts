import type { TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { ComplaintHandling } from '../complaints/open-complaint.ts';
import { composeEmail, type LinkContext, type MailContext } from '../platform/mail/mail-context.ts';
import { dashboardUrl } from '../dashboard/dashboard-scope.ts';
import { segmentKey } from '../platform/table/keys.ts';
import { getDepartment, listStaff } from '../people/directory-store.ts';
import { listComplaints } from '../complaints/complaint-store.ts';
import { digestSentFor, previousDigest, readRollups, recordDigestSent } from './digest-store.ts';
import { buildDigestReport, type DigestScope } from './digest-report.ts';
import { renderDigestEmail } from './digest-email.tsx';
import { periodBounds, periodsOfMonth } from './period.ts';
import { readPeriodFacts, reportForScope } from './period-report.ts';
import { mergeRollups, type Rollup } from './rollup.ts';

export interface DigestDependencies extends MailContext, LinkContext {
  readonly questionnaires: readonly TQuestionnaire[];
  readonly handling: ComplaintHandling;
  /** Told what the job is doing as it goes (the CLI prints it; Lambda has no one to tell). */
  readonly onProgress?: (line: string) => void;
}

export interface DigestOutcome {
  questionnaireId: string;
  scope: string;
  recipient: string;
  outcome: 'sent' | 'no-responses' | 'already-sent';
}

/**
 * Monday's job: aggregates the period for each customer questionnaire, then emails each
 * manager the digest for their scope — their department, or the whole company for the head
 * of service. A scope without responses is skipped, not sent empty; a scope already sent for
 * this period is not sent again unless `resend`.
 */
export async function sendDigests(deps: DigestDependencies, options: { period: string; resend?: boolean }): Promise<DigestOutcome[]> {
  const { table, handling } = deps;
  const now = deps.now();
  const staff = await listStaff(table);
  const scopes: Array<{ scope: DigestScope; recipient: string }> = [{ scope: { kind: 'company', name: deps.businessName }, recipient: handling.headOfServiceEmail }];
  for (const manager of staff.filter((s) => s.role === 'manager')) {
    const department = await getDepartment(table, manager.departmentId);
    if (department?.managerEmail === manager.email) scopes.push({ scope: { kind: 'department', id: department.id, name: department.name }, recipient: manager.email });
  }
  const outcomes: DigestOutcome[] = [];

  for (const questionnaire of deps.questionnaires.filter((q) => q.audience === 'customers')) {
    deps.onProgress?.(`Aggregating ${questionnaire.id} for ${options.period}…`);
    const facts = await readPeriodFacts(table, questionnaire, options.period, { calendar: handling.calendar, now, aggregate: 'always' });

    for (const [index, { scope, recipient }] of scopes.entries()) {
      deps.onProgress?.(`  ${questionnaire.id}: digest ${index + 1} of ${scopes.length} (${scope.name})`);
      const report = reportForScope(facts, scope);
      const base = { questionnaireId: questionnaire.id, scope: scope.name, recipient };
      if (!report) {
        outcomes.push({ ...base, outcome: 'no-responses' });
        continue;
      }
      if (!options.resend && (await digestSentFor(table, questionnaire.id, scope, options.period))) {
        outcomes.push({ ...base, outcome: 'already-sent' });
        continue;
      }
      const last = await previousDigest(table, questionnaire.id, scope, options.period);
      const dashboard = await dashboardUrl(deps, scope, now);
      const email = renderDigestEmail(report, { businessName: deps.businessName, brand: deps.brand, timeZone: handling.calendar.timeZone, dashboardUrl: dashboard, ...(last ? { lastSentAt: last.sentAt } : {}) });
      await deps.mailer.sendRaw(await composeEmail(deps, email, recipient));
      await recordDigestSent(table, questionnaire.id, scope, { period: options.period, sentAt: now.toISOString(), recipient });
      outcomes.push({ ...base, outcome: 'sent' });
    }
  }
  return outcomes;
}

/**
 * The monthly staff digest: each staff member with responses that month gets their own
 * figures (served, responses, score against the company's) and the comments about them —
 * results shared with the people who earn them. Built by merging the month's weekly rollups.
 */
export async function sendStaffDigests(deps: DigestDependencies, options: { month: string; resend?: boolean }): Promise<DigestOutcome[]> {
  const { table, handling } = deps;
  const staff = await listStaff(table);
  const staffNames = new Map(staff.map((s) => [s.email, s.name]));
  const staffDepartments = new Map(staff.map((s) => [s.email, s.departmentId]));
  const periods = periodsOfMonth(options.month);
  const previousMonth = shiftMonth(options.month, -1);
  const bounds = periodBounds(options.month);
  const complaints = await listComplaints(table, { closedSince: new Date(bounds.start), now: deps.now() });
  const outcomes: DigestOutcome[] = [];

  for (const questionnaire of deps.questionnaires.filter((q) => q.audience === 'customers')) {
    const monthRollups = async (ps: string[]) => (await Promise.all(ps.map((p) => readRollups(table, questionnaire.id, p)))).flat();
    const current = await monthRollups(periods);
    const previous = await monthRollups(periodsOfMonth(previousMonth));
    const merged = (rollups: Rollup[], segment: string) => mergeRollups(segment, rollups.filter((r) => r.segment === segment), questionnaire.headline.kind);

    for (const member of staff) {
      const scope: DigestScope = { kind: 'staff', email: member.email, name: member.name };
      const segment = segmentKey(scope);
      const rollups = [merged(current, segmentKey({ kind: 'company' })), merged(current, segment)];
      const report = buildDigestReport({
        questionnaire,
        period: options.month,
        scope,
        rollups,
        previous: { period: previousMonth, rollups: [merged(previous, segment)] },
        benchmark: null,
        complaints,
        bounds,
        calendar: handling.calendar,
        staffNames,
        staffDepartments,
        now: deps.now(),
      });
      const base = { questionnaireId: questionnaire.id, scope: member.name, recipient: member.email };
      if (!report) continue;
      if (!options.resend && (await digestSentFor(table, questionnaire.id, scope, options.month))) {
        outcomes.push({ ...base, outcome: 'already-sent' });
        continue;
      }
      const last = await previousDigest(table, questionnaire.id, scope, options.month);
      const dashboard = await dashboardUrl(deps, scope, deps.now());
      const email = renderDigestEmail(report, { businessName: deps.businessName, brand: deps.brand, timeZone: handling.calendar.timeZone, dashboardUrl: dashboard, ...(last ? { lastSentAt: last.sentAt } : {}) });
      await deps.mailer.sendRaw(await composeEmail(deps, { ...email, subject: `Your feedback for ${options.month}: ${email.subject.split(' — ')[1] ?? ''}` }, member.email));
      await recordDigestSent(table, questionnaire.id, scope, { period: options.month, sentAt: deps.now().toISOString(), recipient: member.email });
      outcomes.push({ ...base, outcome: 'sent' });
    }
  }
  return outcomes;
}

/** YYYY-MM shifted by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
