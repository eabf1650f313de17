import { existsSync } from 'node:fs';
import { importContacts, importStaff, type ImportReport } from '../../shared/people/import-file.ts';
import { SEPARATOR_NAMES } from '../../shared/people/csv-rows.ts';
import { CommandFailed, defineCommand, EXIT, UsageError } from '../frame.ts';

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
    'Comma-, semicolon- and tab-separated files are read alike (the header row shows which).',
    'Contacts may name only staff and departments already imported with `import staff`.',
    'Samples: examples/contacts.csv, examples/staff.csv.',
  ].join('\n'),
  options: {},
  runsOnStack: true,
  async run({ positionals, out, progress, table }) {
    const [kind, file, ...extra] = positionals;
    if ((kind !== 'contacts' && kind !== 'staff') || !file || extra.length > 0) {
      throw new UsageError('Usage: feedback import contacts|staff FILE.csv (see --help for the columns)');
    }
    // The command line is right; the file is not there: the import failed (1), it was not misused (2).
    if (!existsSync(file)) throw new CommandFailed(`${file}: no such file`);
    const importer = kind === 'contacts' ? importContacts : importStaff;
    const report = await importer(await table(), file, {
      now: new Date(),
      onProgress: (written, total) => progress(`  ${written} of ${total} rows written`),
    });
    const separated = report.separator === ',' ? '' : ` (read as ${SEPARATOR_NAMES[report.separator]}-separated)`;
    if (report.fileProblem) throw new CommandFailed(`${file}${separated}: ${report.fileProblem}. Nothing was imported.`);
    if (report.problems.length > 0) throw new CommandFailed(problemList(`${file}${separated}`, report));
    out(`Imported ${report.imported} ${kind === 'contacts' ? 'contact' : 'staff'} row${report.imported === 1 ? '' : 's'} from ${file}${separated}.`);
    return EXIT.done;
  },
});

function problemList(file: string, report: ImportReport): string {
  const shown = report.problems.slice(0, PROBLEMS_SHOWN).map((problem) => `  line ${problem.line}: ${problem.message}`);
  return [
    `${file}: ${report.problems.length} bad row${report.problems.length === 1 ? '' : 's'} of ${report.rows}; nothing was imported. Fix them and run again:`,
    ...shown,
    ...(report.problems.length > PROBLEMS_SHOWN ? [`  … and ${report.problems.length - PROBLEMS_SHOWN} more`] : []),
  ].join('\n');
}
