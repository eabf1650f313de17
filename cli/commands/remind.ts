import { timeOption } from '../arguments.ts';
import { CommandFailed, defineCommand, EXIT } from '../frame.ts';
import { runPlannerJob, undeliveredMessage } from '../planner-job.ts';

export const remindCommand = defineCommand({
  name: 'remind',
  summary: 'send the one reminder to everyone invited in an open wave who has not answered',
  usage: 'feedback remind [--at ISO-TIME] [--stack NAME] [--region REGION]',
  options: {
    at: { type: 'string', description: 'run as if it were this time (ISO 8601)' },
  },
  runsOnStack: true,
  async run({ options, out, progress, target }) {
    const at = timeOption(options.at);
    const result = await runPlannerJob(await target(), 'sendReminders', at, progress);
    for (const r of result.reminders) {
      out(`${r.questionnaireId}: ${r.queued} reminder(s) of ${r.considered} invitation(s) in open waves ${r.waves.join(', ') || '(none)'}.`);
    }
    const notSent = undeliveredMessage(result.undelivered, 'reminder');
    if (notSent) throw new CommandFailed(notSent);
    return EXIT.done;
  },
});
