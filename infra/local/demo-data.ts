import { saveDepartment, saveStaffMember } from '../../shared/storage/directory.ts';
import { saveContact } from '../../shared/storage/contacts.ts';
import type { Table } from '../../shared/storage/table-client.ts';

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

/** 36 demo customers, each served by a demo staff member; every one is due for a first questionnaire. */
export function demoContacts(now: Date) {
  return FIRST.flatMap((first, i) =>
    LAST.map((last, j) => {
      const staff = DEMO_STAFF[(i + j) % DEMO_STAFF.length]!;
      const daysAgo = 2 + ((i * 3 + j) % 20);
      return {
        email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().replace(/[^a-z]/g, '')}@customer.example`,
        name: `${first} ${last}`,
        language: 'en',
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
