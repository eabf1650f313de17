import { getDepartment, listStaff } from '../../shared/people/directory-store.ts';
import { choiceOption } from '../arguments.ts';
import { textTable } from '../text-table.ts';
import { CommandFailed, defineCommand, EXIT } from '../frame.ts';

export const staffCommand = defineCommand({
  name: 'staff',
  summary: 'list the staff directory: name, address, department, role and language',
  usage: 'feedback staff [--department ID] [--format table|json] [--stack NAME] [--region REGION]',
  details: 'Staff and managers as the last staff import left them, by name. The addresses are the ones `report --scope staff:EMAIL` takes.',
  options: {
    department: { type: 'string', description: 'only this department’s staff (see `feedback departments`)' },
    format: { type: 'string', description: 'table (default) or json' },
  },
  runsOnStack: true,
  async run({ options, out, table }) {
    const format = choiceOption('--format', options.format ?? 'table', ['table', 'json']);
    const directory = await table();
    if (options.department !== undefined && !(await getDepartment(directory, options.department))) {
      throw new CommandFailed(`No department "${options.department}". \`feedback departments\` lists them.`);
    }
    const staff = (await listStaff(directory)).filter((s) => options.department === undefined || s.departmentId === options.department);
    if (format === 'json') out(JSON.stringify(staff, null, 2));
    else if (staff.length === 0) out('No staff. `feedback import staff FILE` adds them.');
    else out(textTable(['NAME', 'EMAIL', 'DEPARTMENT', 'ROLE', 'LANGUAGE'], staff.map((s) => [s.name, s.email, s.departmentId, s.role, s.language ?? 'en'])));
    return EXIT.done;
  },
});
