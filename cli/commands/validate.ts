import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { defineCommand, EXIT } from '../frame.ts';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check config/feedback.config.json and every questionnaire, naming any bad field',
  usage: 'feedback validate',
  options: {},
  // It checks the files in this checkout, the ones a deploy would use, not what a stack runs.
  runsOnStack: false,
  async run({ out }) {
    const config = loadDeploymentConfig();
    const questionnaires = loadQuestionnaires();
    out(`Config OK: stack ${config.stackName}, sender ${config.senderAddress}, time zone ${config.timeZone}.`);
    for (const q of questionnaires) {
      out(`Questionnaire OK: ${q.id} (${q.audience}, ${q.headline.kind}, ${q.values.length} values, ${q.standards.length} standards${q.anonymous ? ', anonymous' : ''})`);
    }
    return EXIT.done;
  },
});
