import { exportPerson } from '../../shared/people/person-data.ts';
import { emailArgument } from '../arguments.ts';
import { defineCommand, EXIT } from '../frame.ts';

export const exportPersonCommand = defineCommand({
  name: 'export-person',
  summary: 'print everything held about one person (customer or staff), as JSON; for anonymous questionnaires only whether they were invited and answered',
  usage: 'feedback export-person EMAIL [--stack NAME] [--region REGION]',
  options: {},
  runsOnStack: true,
  async run({ positionals, out, table }) {
    const email = emailArgument(positionals, 'Usage: feedback export-person EMAIL');
    out(JSON.stringify(await exportPerson(await table(), email, new Date()), null, 2));
    return EXIT.done;
  },
});
