import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from '../platform/validation/zod.ts';
import { LIST_SHARDS } from '../platform/table/table-design.ts';
import { listAll } from '../platform/table/list-index.ts';
import { batchGet, keyId } from '../platform/table/batch-get.ts';
import { keys, normalizeEmail } from '../platform/table/keys.ts';
import { setEveryField, type Table } from '../platform/table/table-client.ts';

/** The staff directory: departments, their managers, and staff members. */
export const ZDepartment = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes')),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  managerEmail: z.pipe(z.email(), z.transform(normalizeEmail)),
});
export type TDepartment = z.output<typeof ZDepartment>;

export const ZStaffMember = z.object({
  email: z.pipe(z.email(), z.transform(normalizeEmail)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  departmentId: z.string().check(z.minLength(1)),
  role: z.enum(['staff', 'manager']),
  language: z.optional(z.string().check(z.minLength(2), z.maxLength(10))),
});
export type TStaffMember = z.output<typeof ZStaffMember>;

export async function saveDepartment(table: Table, department: TDepartment): Promise<void> {
  await table.db.send(new PutCommand({ TableName: table.name, Item: { ...keys.department(department.id), ...keys.departmentListing(department.id), kind: 'department', ...department } }));
}

/** Every department, by id (saved by `import` since departments were listed; importing the file again lists older ones). */
export async function listDepartments(table: Table): Promise<TDepartment[]> {
  const departments: TDepartment[] = [];
  for await (const item of listAll(table, keys.departments().gsi1pk)) departments.push(ZDepartment.parse(item));
  return departments.sort((a, b) => a.id.localeCompare(b.id));
}

/** Creates or updates a staff member, keeping their questionnaire history and opt-out. */
export async function saveStaffMember(table: Table, staff: TStaffMember): Promise<void> {
  await table.db.send(new UpdateCommand({
    TableName: table.name,
    Key: keys.staff(staff.email),
    ...setEveryField({ ...staff, ...keys.staffListing(staff.email), kind: 'staff', language: staff.language ?? 'en' }),
  }));
}

export async function getDepartment(table: Table, id: string): Promise<TDepartment | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.department(id) }));
  return Item ? ZDepartment.parse(Item) : undefined;
}

/** Departments by id, in one batch read; ids without one are left out. */
export async function getDepartments(table: Table, ids: readonly string[]): Promise<TDepartment[]> {
  const found = await batchGet(table, ids.map((id) => keys.department(id)));
  return ids.flatMap((id) => {
    const item = found.get(keyId(keys.department(id)));
    return item ? [ZDepartment.parse(item)] : [];
  });
}

export async function getStaffMember(table: Table, email: string): Promise<TStaffMember | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.staff(email) }));
  return Item ? ZStaffMember.parse(Item) : undefined;
}

/** Deletes a staff member's profile (the privacy `forget`); whether there was one. */
export async function deleteStaffMember(table: Table, email: string): Promise<boolean> {
  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.staff(email), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}

/** The whole staff directory (it is small: one query per shard). */
export async function listStaff(table: Table): Promise<TStaffMember[]> {
  const staff: TStaffMember[] = [];
  for (let shard = 0; shard < LIST_SHARDS; shard++) {
    for await (const item of listAll(table, keys.staffShard(shard).gsi1pk)) staff.push(ZStaffMember.parse(item));
  }
  return staff.sort((a, b) => a.name.localeCompare(b.name));
}

export async function listManagers(table: Table): Promise<TStaffMember[]> {
  return (await listStaff(table)).filter((member) => member.role === 'manager');
}

/** Deletes a department; whether there was one. */
export async function deleteDepartment(table: Table, id: string): Promise<boolean> {
  const { Attributes } = await table.db.send(new DeleteCommand({ TableName: table.name, Key: keys.department(id), ReturnValues: 'ALL_OLD' }));
  return Attributes !== undefined;
}
