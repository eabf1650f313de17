import type * as z from '../platform/validation/zod.ts';
import type { Table } from '../platform/table/table-client.ts';
import { saveContact } from './contact-store.ts';
import { saveDepartment, saveStaffMember } from './directory-store.ts';
import { readCsv, type RowProblem } from './csv-rows.ts';
import { ZContactRow, ZStaffRow, contactFromInteraction, departmentId, staffMemberFromRow, type TStaffRow } from './import-schemas.ts';

export interface ImportReport {
  /** Rows read (data rows, header excluded). */
  rows: number;
  imported: number;
  /** Every bad row with its line number; when there are any, nothing was imported. */
  problems: RowProblem[];
}

export interface ImportOptions {
  readonly now: Date;
  /** Called every few hundred rows while writing. */
  readonly onProgress?: (written: number, total: number) => void;
}

/** Writes in parallel groups this size: fast on a large file, gentle on on-demand capacity. */
const WRITE_GROUP = 25;

/**
 * Imports a contacts CSV, all or nothing: the file is validated whole first, and a file
 * with any bad row imports nothing and reports every bad row, so fixing the file and
 * running again gives a clean result. Writes are upserts, so importing the same file twice
 * changes nothing.
 */
export async function importContacts(table: Table, file: string, options: ImportOptions): Promise<ImportReport> {
  return importAllOrNothing(file, ZContactRow, () => [], (row) => saveContact(table, contactFromInteraction(row, options.now)), options);
}

/**
 * Imports the staff directory (staff and managers with their departments), all or nothing.
 * Each department may have one manager; the department is created from its name.
 */
export async function importStaff(table: Table, file: string, options: ImportOptions): Promise<ImportReport> {
  const managers = new Map<string, number>();
  const checkManagers = (row: TStaffRow, line: number): string[] => {
    if (row.role !== 'manager') return [];
    const id = departmentId(row.department);
    const earlier = managers.get(id);
    if (earlier !== undefined) return [`department "${row.department}" already has a manager on line ${earlier}`];
    managers.set(id, line);
    return [];
  };
  return importAllOrNothing(file, ZStaffRow, checkManagers, async (row) => {
    const member = staffMemberFromRow(row);
    await saveStaffMember(table, member);
    if (row.role === 'manager') await saveDepartment(table, { id: member.departmentId, name: row.department, managerEmail: member.email });
  }, options);
}

async function importAllOrNothing<S extends z.ZodMiniType>(
  file: string,
  schema: S,
  crossCheck: (row: z.output<S>, line: number) => string[],
  write: (row: z.output<S>) => Promise<void>,
  options: ImportOptions,
): Promise<ImportReport> {
  const problems: RowProblem[] = [];
  let rows = 0;
  for await (const entry of readCsv(file, schema)) {
    rows++;
    if ('problem' in entry) problems.push({ line: entry.line, message: entry.problem });
    else for (const message of crossCheck(entry.row, entry.line)) problems.push({ line: entry.line, message });
  }
  if (problems.length > 0) return { rows, imported: 0, problems };

  let imported = 0;
  let group: Promise<void>[] = [];
  for await (const entry of readCsv(file, schema)) {
    if ('problem' in entry) throw new Error(`line ${entry.line} changed while importing`);
    group.push(write(entry.row));
    if (group.length === WRITE_GROUP) {
      await Promise.all(group);
      imported += group.length;
      group = [];
      if (imported % 500 === 0) options.onProgress?.(imported, rows);
    }
  }
  await Promise.all(group);
  imported += group.length;
  options.onProgress?.(imported, rows);
  return { rows, imported, problems };
}
