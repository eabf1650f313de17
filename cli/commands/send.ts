import { timeOption } from '../arguments.ts';
import { CommandFailed, defineCommand, EXIT } from '../frame.ts';
import { runPlannerJob, undeliveredMessage } from '../planner-job.ts';

export const sendCommand = defineCommand({
  name: 'send',
  summary: 'plan this week’s wave and send the invitations that are due',
  usage: 'feedback send [--at ISO-TIME] [--stack NAME] [--region REGION]',
  options: {
    at: { type: 'string', description: 'plan as if it were this time (ISO 8601), e.g. to try the frequency cap' },
  },
  runsOnStack: true,
  async run({ options, out, progress, target }) {
    const at = timeOption(options.at);
    const result = await runPlannerJob(await target(), 'planWave', at, progress);
    for (const s of result.waves) {
      out(
        `${s.questionnaireId}, wave ${s.waveId}${s.benchmark ? ' (benchmark)' : ''}: ${s.considered} considered, ${s.queued} queued, ` +
          `${s.alreadyInvited} already invited; skipped ${s.skipped.unsubscribed} unsubscribed, ${s.skipped.suppressed} suppressed, ` +
          `${s.skipped['frequency-cap']} within the frequency cap, ${s.skipped['not-due']} not yet due.`,
      );
    }
    const notSent = undeliveredMessage(result.undelivered, 'invitation');
    if (notSent) throw new CommandFailed(notSent);
    return EXIT.done;
  },
});
