import { existsSync } from 'node:fs';
import { importContacts, importStaff, type ImportReport } from '../../shared/people/import-file.ts';
import { defineCommand, EXIT, UsageError, type LineWriter } from '../frame.ts';

/** Bad rows listed at most; the rest are counted. */
const PROBLEMS_SHOWN = 100;

export const importCommand = defineCommand({
  name: 'import',
  summary: 'import contacts (with their latest interaction) or the staff directory from a CSV file',
  usage: 'feedback import contacts|staff FILE.csv [--stack NAME] [--region REGION]',
  details: [
    'contacts columns: email, name, language (default en), staff_email, department, date',
    '  (the interaction: a date like 2026-11-20 or an ISO time; the latest one counts)',
    'staff columns:    email, name, department, role (staff or manager, one manager per department), language',
    '',
    'The file is checked whole first: if any row is bad, nothing is imported and every bad',
    'row is listed with its line number. Importing the same file again changes nothing.',
    'Samples: examples/contacts.csv, examples/staff.csv.',
  ].join('\n'),
  options: {},
  runsOnStack: true,
  async run({ positionals, out, table }) {
    const [kind, file, ...extra] = positionals;
    if ((kind !== 'contacts' && kind !== 'staff') || !file || extra.length > 0) {
      throw new UsageError('Usage: feedback import contacts|staff FILE.csv (see --help for the columns)');
    }
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    const importer = kind === 'contacts' ? importContacts : importStaff;
    const report = await importer(await table(), file, {
      now: new Date(),
      onProgress: (written, total) => out(`  ${written} of ${total} rows written`),
    });
    if (report.problems.length > 0) {
      listProblems(file, report, out);
      return EXIT.failed;
    }
    out(`Imported ${report.imported} ${kind === 'contacts' ? 'contact' : 'staff'} row(s) from ${file}.`);
    return EXIT.done;
  },
});

function listProblems(file: string, report: ImportReport, out: LineWriter): void {
  out(`${file}: ${report.problems.length} bad row(s) of ${report.rows}; nothing was imported. Fix them and run again:`);
  for (const problem of report.problems.slice(0, PROBLEMS_SHOWN)) out(`  line ${problem.line}: ${problem.message}`);
  if (report.problems.length > PROBLEMS_SHOWN) out(`  … and ${report.problems.length - PROBLEMS_SHOWN} more`);
}
