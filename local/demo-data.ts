import { saveDepartment, saveStaffMember } from '../shared/people/directory-store.ts';
import { createInvitation, type TInvitation } from '../shared/invitations/invitation-store.ts';
import { recordSubmission } from '../shared/answering/response-store.ts';
import { openWave } from '../shared/invitations/wave-store.ts';
import { newLinkId } from '../shared/platform/tokens/link-token.ts';
import { waveIdFor } from '../shared/platform/schedule/wave-id.ts';
import { aggregatePeriod } from '../shared/digest/aggregate-period.ts';
import type { TQuestionnaire } from '../shared/questionnaires/questionnaire-schema.ts';
import { saveContact } from '../shared/people/contact-store.ts';
import { valueRotation } from '../shared/questionnaires/value-rotation.ts';
import { DEMO_COMPLAINT_COMMENTS, seedDemoComplaint } from './demo-complaints.ts';
import type { Table } from '../shared/platform/table/table-client.ts';

/** Departments with their managers, for the demo business. */
export const DEMO_DEPARTMENTS = [
  { id: 'installations', name: 'Installations', manager: { email: 'priya.shah@acme.example', name: 'Priya Shah' } },
  { id: 'repairs', name: 'Repairs', manager: { email: 'tom.osei@acme.example', name: 'Tom Osei' } },
  { id: 'customer-care', name: 'Customer care', manager: { email: 'lena.novak@acme.example', name: 'Lena Novak' } },
] as const;

const DEMO_STAFF = [
  { email: 'sam.reed@acme.example', name: 'Sam Reed', departmentId: 'installations' },
  { email: 'ana.lima@acme.example', name: 'Ana Lima', departmentId: 'installations' },
  { email: 'jo.kim@acme.example', name: 'Jo Kim', departmentId: 'repairs' },
  { email: 'max.berg@acme.example', name: 'Max Berg', departmentId: 'repairs' },
  { email: 'ola.nowak@acme.example', name: 'Ola Nowak', departmentId: 'customer-care' },
  { email: 'ben.ade@acme.example', name: 'Ben Ade', departmentId: 'customer-care' },
] as const;

const FIRST = ['Alice', 'Bruno', 'Chloé', 'Dev', 'Emeka', 'Fatima', 'Georg', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Lucía'];
const LAST = ['Martin', "O'Neill", 'Nguyen'];
/** Demo customers who read Spanish: their emails and pages come in Spanish. */
const SPANISH_SPEAKERS: ReadonlySet<string> = new Set(['Bruno', 'Jade', 'Lucía']);

/** 36 demo customers, each served by a demo staff member; every one is due for a first questionnaire. */
export function demoContacts(now: Date) {
  return FIRST.flatMap((first, i) =>
    LAST.map((last, j) => {
      const staff = DEMO_STAFF[(i + j) % DEMO_STAFF.length]!;
      const daysAgo = 2 + ((i * 3 + j) % 20);
      return {
        email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}@customer.example`,
        name: `${first} ${last}`,
        language: SPANISH_SPEAKERS.has(first) ? 'es' : 'en',
        staffEmail: staff.email,
        departmentId: staff.departmentId,
        lastInteractionAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
      };
    }),
  );
}

/** Writes the demo business: departments, managers, staff and contacts. Idempotent. */
export async function seedDemoData(table: Table, now = new Date()): Promise<{ contacts: number; staff: number; departments: number }> {
  for (const department of DEMO_DEPARTMENTS) {
    await saveDepartment(table, { id: department.id, name: department.name, managerEmail: department.manager.email });
    await saveStaffMember(table, { ...department.manager, departmentId: department.id, role: 'manager' });
  }
  for (const staff of DEMO_STAFF) await saveStaffMember(table, { ...staff, role: 'staff' });
  const contacts = demoContacts(now);
  for (const contact of contacts) await saveContact(table, contact);
  return { contacts: contacts.length, staff: DEMO_STAFF.length + DEMO_DEPARTMENTS.length, departments: DEMO_DEPARTMENTS.length };
}

/** Which of a week's past customers asks to be contacted (one who answers: not every third). */
const COMPLAINING_CUSTOMER = 4;

/** What past customers wrote: [a promoter's, anyone else's], varied from week to week. */
const DEMO_COMMENTS: ReadonlyArray<readonly [string, string]> = [
  ['Friendly and quick, thank you!', 'Good work in the end, but I had to chase the booking twice.'],
  ['Sam explained everything and left the place tidy.', 'The price was higher than the quote.'],
  ['Booked on Monday, fixed on Tuesday. Excellent.', 'The engineer was late and did not call ahead.'],
  ['Very polite on the phone and on the day.', 'Fine, but the paperwork was confusing.'],
  ['Reliable as always.', 'It took three calls to get an appointment.'],
];

/** How many weeks of simulated history the demo starts with: enough for the dashboard's trend chart to show a trend. */
export const DEMO_HISTORY_WEEKS = 5;

/**
 * Five weeks of simulated answers before `now`, so the first digest already shows a trend
 * and a benchmark, and the dashboard a five-period chart. The past customers get invitations and responses but no contact record,
 * so they are never planned again; the demo contacts stay due.
 */
export async function seedDemoHistory(
  table: Table,
  questionnaire: TQuestionnaire,
  context: { now: Date; timeZone: string; headOfServiceEmail: string; onWeek?: (period: string, week: number, weeks: number) => void },
): Promise<string[]> {
  const { now, timeZone, onWeek } = context;
  const periods: string[] = [];
  for (let weeksAgo = DEMO_HISTORY_WEEKS; weeksAgo >= 1; weeksAgo--) {
    const at = new Date(now.getTime() - weeksAgo * 7 * 86_400_000);
    const wave = await openWave(table, questionnaire.id, waveIdFor(at, timeZone), at.toISOString());
    periods.push(wave.waveId);
    onWeek?.(wave.waveId, DEMO_HISTORY_WEEKS + 1 - weeksAgo, DEMO_HISTORY_WEEKS);
    // Past customers were asked the values in turn, as the planner asks them.
    const rotation = valueRotation(questionnaire, wave.waveId);
    for (let i = 0; i < 30; i++) {
      const staff = DEMO_STAFF[i % DEMO_STAFF.length]!;
      const invitation: TInvitation = {
        audience: 'customers',
        questionnaireId: questionnaire.id,
        waveId: wave.waveId,
        email: `past-${weeksAgo}-${i}@customer.example`,
        name: `Past customer ${i}`,
        language: 'en',
        linkId: newLinkId(),
        staffEmail: staff.email,
        departmentId: staff.departmentId,
        status: 'sent',
        createdAt: at.toISOString(),
        sentAt: at.toISOString(),
      };
      await createInvitation(table, invitation);
      const asked = new Set(rotation.next(staff.departmentId) ?? questionnaire.values.map((v) => v.id));
      if (i % 3 === 2) continue; // two in three answer
      // Scores improve a little every other week, and the installations team is weaker; one customer a week complains.
      const complains = i === COMPLAINING_CUSTOMER;
      const base = 6 + Math.floor((DEMO_HISTORY_WEEKS - weeksAgo) / 2) + (staff.departmentId === 'installations' ? -1 : 1);
      const score = complains ? 2 : Math.max(0, Math.min(10, base + ((i * 7) % 5) - 1));
      // Answers come in over the week after the invitation, not all at once.
      const answeredAt = new Date(at.getTime() + (1 + (i % 5)) * 86_400_000 + (i % 9) * 3_600_000);
      const comment = complains ? DEMO_COMPLAINT_COMMENTS[(weeksAgo - 1) % DEMO_COMPLAINT_COMMENTS.length] : i % 4 === 0 ? DEMO_COMMENTS[(i + weeksAgo) % DEMO_COMMENTS.length]![score >= 8 ? 0 : 1] : undefined;
      await recordSubmission(
        table,
        invitation,
        {
          headline: score,
          values: Object.fromEntries(
            questionnaire.values.flatMap((v, k) => {
              if (!asked.has(v.id)) return [];
              const performance = Math.max(1, Math.min(5, Math.round(score / 2) - (k % 2)));
              // Every third value is also rated for the main competitor, so the quadrant chart shows it.
              const competitor = k % 3 === 0 ? { competitor: Math.max(1, Math.min(5, performance + (i % 3) - 1 - (k % 2))) } : {};
              return [[v.id, { importance: 1 + ((k * 3 + (i % 2)) % 5), performance, ...competitor }]];
            }),
          ),
          probes: {},
          standards: Object.fromEntries(questionnaire.standards.map((s, k) => [s.id, (i + k) % 4 !== 0])),
          comparison: (['better', 'same', 'worse', 'dk'] as const)[i % 4]!,
          ...(comment ? { comment } : {}),
          complaintRequested: complains,
        },
        { at: answeredAt.toISOString() },
      );
      if (complains) {
        const owner = DEMO_DEPARTMENTS.find((d) => d.id === staff.departmentId)!.manager.email;
        await seedDemoComplaint(table, invitation, owner, answeredAt, { stillOpen: weeksAgo === 1, now, headOfServiceEmail: context.headOfServiceEmail });
      }
    }
    await aggregatePeriod(table, questionnaire, wave.waveId);
  }
  return periods;
}
