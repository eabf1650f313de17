import * as z from '../../shared/platform/validation/zod.ts';
import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { SUPPORTED_LANGUAGES } from '../../shared/platform/language/languages.ts';
import { choiceOption, timeOption } from '../arguments.ts';
import { CommandFailed, defineCommand, EXIT, UsageError } from '../frame.ts';
import { sendTestInvitation, targetMailer } from '../test-send.ts';
import { chosenQuestionnaire } from './preview.ts';
import { runPlannerJob, undeliveredMessage } from '../planner-job.ts';

export const sendCommand = defineCommand({
  name: 'send',
  summary: 'plan this week’s wave and send the invitations that are due',
  usage: 'feedback send [--at ISO-TIME] [--stack NAME] [--region REGION]\n       feedback send --test ADDRESS [--questionnaire ID] [--language L] [--stack NAME] [--region REGION]',
  details:
    'With --test, plans nothing: one invitation goes to ADDRESS only, as recipients would get it but with "[Test]" in its subject, and nothing is recorded (no wave, no invitation, no contact). Its links are test links that open a "this link cannot be used" page, so a test can never add an answer or an opt-out to the figures.',
  options: {
    at: { type: 'string', description: 'plan as if it were this time (ISO 8601), e.g. to try the frequency cap' },
    test: { type: 'string', description: 'send one test invitation to this address instead of planning a wave' },
    questionnaire: { type: 'string', description: 'with --test: the questionnaire (default: the first customer questionnaire)' },
    language: { type: 'string', description: `with --test: ${SUPPORTED_LANGUAGES.join(' or ')} (default: the questionnaire’s first)` },
  },
  runsOnStack: true,
  async run({ options, out, progress, target }) {
    if (options.test !== undefined) {
      if (options.at !== undefined) throw new UsageError('--at plans a wave; a --test send plans nothing.');
      const address = z.email().safeParse(options.test);
      if (!address.success) throw new UsageError(`--test: "${options.test}" is not an email address`);
      const questionnaire = chosenQuestionnaire(loadQuestionnaires(), options.questionnaire);
      const language = options.language === undefined ? questionnaire.languages[0]! : choiceOption('--language', options.language, SUPPORTED_LANGUAGES);
      const stack = await target();
      const messageId = await sendTestInvitation({ target: stack, mailer: targetMailer(stack), config: loadDeploymentConfig(), questionnaire, language, address: address.data });
      out(`Test invitation for ${questionnaire.id} (${language}) sent to ${address.data} (message ${messageId}); no wave or invitation was recorded.`);
      return EXIT.done;
    }
    if (options.questionnaire !== undefined || options.language !== undefined) throw new UsageError('--questionnaire and --language go with --test.');
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
