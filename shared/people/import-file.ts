import type * as z from '../platform/validation/zod.ts';
import type { Table } from '../platform/table/table-client.ts';
import { saveContact } from './contact-store.ts';
import { listStaff, saveDepartment, saveStaffMember } from './directory-store.ts';
import { readCsv, separatorOf, type CsvColumns, type RowProblem, type Separator } from './csv-rows.ts';
import { CONTACT_COLUMNS, STAFF_COLUMNS, ZContactRow, ZStaffRow, contactFromInteraction, departmentId, staffMemberFromRow, type TInteraction, type TStaffRow } from './import-schemas.ts';

export interface ImportReport {
  /** Rows read (data rows, header excluded). */
  rows: number;
  imported: number;
  /** Every bad row with its line number; when there are any, nothing was imported. */
  problems: RowProblem[];
  /** What is wrong with the file as a whole (its header, its kind), said once; nothing was imported. */
  fileProblem?: string;
  /** The separator the file was read with, found from its header row. */
  separator: Separator;
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
 * changes nothing. A staff member or department a row names must be in the staff directory.
 */
export async function importContacts(table: Table, file: string, options: ImportOptions): Promise<ImportReport> {
  const staff = await listStaff(table);
  const staffEmails = new Set(staff.map((s) => s.email));
  const departments = new Set(staff.map((s) => s.departmentId));
  const checkDirectory = (row: TInteraction): string[] => [
    ...(row.staffEmail && !staffEmails.has(row.staffEmail) ? [`staff_email: "${row.staffEmail}" is not in the staff directory`] : []),
    ...(row.department && !departments.has(departmentId(row.department)) ? [`department: "${row.department}" is not a department of the staff directory (${[...departments].sort().join(', ')})`] : []),
  ];
  const names = (row: TInteraction) => row.staffEmail !== undefined || row.department !== undefined;
  return importAllOrNothing(file, ZContactRow, {
    columns: CONTACT_COLUMNS,
    hint: (header) => (header.includes('role') ? 'this is a staff file (it has a "role" column): import it with `feedback import staff`' : undefined),
    // With no directory at all, one message says why every row naming staff would fail.
    fileProblem: { when: (row) => staff.length === 0 && names(row), message: 'rows name staff or departments, but the staff directory is empty: import it first with `feedback import staff`' },
    crossCheck: (row) => (staff.length === 0 ? [] : checkDirectory(row)),
    write: (row) => saveContact(table, contactFromInteraction(row, options.now)),
  }, options);
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
  return importAllOrNothing(file, ZStaffRow, {
    columns: STAFF_COLUMNS,
    hint: (header) => (header.includes('staff_email') || header.includes('date') ? 'this is a contacts file (it has a "staff_email" or "date" column): import it with `feedback import contacts`' : undefined),
    crossCheck: checkManagers,
    write: async (row) => {
      const member = staffMemberFromRow(row);
      await saveStaffMember(table, member);
      if (row.role === 'manager') await saveDepartment(table, { id: member.departmentId, name: row.department, managerEmail: member.email });
    },
  }, options);
}

interface FileKind<R> {
  readonly columns: CsvColumns;
  readonly hint: (header: readonly string[]) => string | undefined;
  /** A problem of the whole file, said once (instead of on every row) when any valid row shows it. */
  readonly fileProblem?: { when: (row: R) => boolean; message: string };
  readonly crossCheck: (row: R, line: number) => string[];
  readonly write: (row: R) => Promise<void>;
}

async function importAllOrNothing<S extends z.ZodMiniType>(file: string, schema: S, kind: FileKind<z.output<S>>, options: ImportOptions): Promise<ImportReport> {
  const separator = separatorOf(file);
  const read = () => readCsv(file, schema, { columns: kind.columns, separator, hint: kind.hint });
  const problems: RowProblem[] = [];
  let rows = 0;
  let fileProblem: string | undefined;
  for await (const entry of read()) {
    if ('header' in entry) return { rows: 0, imported: 0, problems: [], fileProblem: entry.header, separator };
    rows++;
    if ('problem' in entry) problems.push({ line: entry.line, message: entry.problem });
    else {
      for (const message of kind.crossCheck(entry.row, entry.line)) problems.push({ line: entry.line, message });
      if (kind.fileProblem?.when(entry.row)) fileProblem = kind.fileProblem.message;
    }
  }
  if (fileProblem) return { rows, imported: 0, problems: [], fileProblem, separator };
  if (problems.length > 0) return { rows, imported: 0, problems, separator };

  let imported = 0;
  let group: Promise<void>[] = [];
  for await (const entry of read()) {
    if (!('row' in entry)) throw new Error('the file changed while importing');
    group.push(kind.write(entry.row));
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
  return { rows, imported, problems, separator };
}
