import { forgetPerson } from '../../shared/people/person-data.ts';
import { emailArgument } from '../arguments.ts';
import { defineCommand, EXIT, UsageError } from '../frame.ts';

export const forgetCommand = defineCommand({
  name: 'forget',
  summary: 'remove a person’s personal data (customer or staff), keeping anonymous scores and their suppression entry',
  usage: 'feedback forget EMAIL [--yes] [--stack NAME] [--region REGION]',
  details:
    'Deletes the contact and their invitations, removes their identity and free text from responses, complaints and digest rollups, and keeps the address on the suppression list so they are never mailed again. Asks for --yes.',
  options: {
    yes: { type: 'boolean', description: 'confirm: this cannot be undone' },
  },
  runsOnStack: true,
  async run({ options, positionals, out, table }) {
    const email = emailArgument(positionals, 'Usage: feedback forget EMAIL --yes');
    if (!options.yes) throw new UsageError(`This removes ${email}'s personal data for good. Run again with --yes to confirm.`);
    const summary = await forgetPerson(await table(), email, new Date());
    out(
      `Forgot ${summary.email}: contact ${summary.contactDeleted ? 'deleted' : 'not found'}, staff profile ${summary.staffProfileDeleted ? 'deleted' : 'not found'}, ${summary.invitationsDeleted} invitation(s) deleted, ` +
        `${summary.responsesAnonymised} response(s) and ${summary.complaintsAnonymised} complaint(s) anonymised, ${summary.rollupCommentsRemoved} quoted comment(s) removed; the address stays suppressed.`,
    );
    return EXIT.done;
  },
});
