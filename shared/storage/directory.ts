import { z } from 'zod';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, normalizeEmail } from './keys.ts';
import type { Table } from './table-client.ts';

/** The staff directory: departments, their managers, and staff members. */
export const ZDepartment = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes'),
  name: z.string().trim().min(1).max(100),
  managerEmail: z.email().transform(normalizeEmail),
});
export type TDepartment = z.output<typeof ZDepartment>;

export const ZStaffMember = z.object({
  email: z.email().transform(normalizeEmail),
  name: z.string().trim().min(1).max(200),
  departmentId: z.string().min(1),
  role: z.enum(['staff', 'manager']),
});
export type TStaffMember = z.output<typeof ZStaffMember>;

export async function saveDepartment(table: Table, department: TDepartment): Promise<void> {
  await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.department(department.id), kind: 'department', ...department } }));
}

export async function saveStaffMember(table: Table, staff: TStaffMember): Promise<void> {
  await table.db.send(
    new PutCommand({
      TableName: table.name,
      Item: { ...keys.staff(staff.email), ...keys.staffListing(staff.departmentId, staff.email), kind: 'staff', ...staff },
    }),
  );
}
