import { listDepartments, listStaff } from '../../shared/people/directory-store.ts';
import { listComplaints } from '../../shared/complaints/complaint-store.ts';
import { choiceOption } from '../arguments.ts';
import { textTable } from '../text-table.ts';
import { defineCommand, EXIT } from '../frame.ts';

export const departmentsCommand = defineCommand({
  name: 'departments',
  summary: 'list the departments with their manager, staff and open complaints',
  usage: 'feedback departments [--format table|json] [--stack NAME] [--region REGION]',
  details: 'The ids are the ones `report --scope dept:ID`, `staff --department ID` and the staff import use.',
  options: {
    format: { type: 'string', description: 'table (default) or json' },
  },
  runsOnStack: true,
  async run({ options, out, table }) {
    const format = choiceOption('--format', options.format ?? 'table', ['table', 'json']);
    const directory = await table();
    const [departments, staff, open] = await Promise.all([listDepartments(directory), listStaff(directory), listComplaints(directory)]);
    const rows = departments.map((d) => ({
      ...d,
      staff: staff.filter((s) => s.departmentId === d.id).length,
      openComplaints: open.filter((c) => c.departmentId === d.id).length,
    }));
    if (format === 'json') out(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) out('No departments. `feedback import staff FILE` adds them with the staff.');
    else out(textTable(['ID', 'NAME', 'MANAGER', 'STAFF', 'OPEN COMPLAINTS'], rows.map((r) => [r.id, r.name, r.managerEmail, String(r.staff), String(r.openComplaints)])));
    return EXIT.done;
  },
});
