import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { join } from 'node:path';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { defineCommand, EXIT } from '../frame.ts';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check config/feedback.config.json and every questionnaire, naming any bad field',
  usage: 'feedback validate [--config DIR]',
  details: 'DIR holds feedback.config.json and a questionnaires folder, as config/ does: check a candidate before copying it in.',
  options: {
    config: { type: 'string', description: 'the folder to check instead of config/' },
  },
  // It checks the files in this checkout, the ones a deploy would use, not what a stack runs.
  runsOnStack: false,
  async run({ options, out }) {
    const config = options.config === undefined ? loadDeploymentConfig() : loadDeploymentConfig(join(options.config, 'feedback.config.json'));
    const questionnaires = options.config === undefined ? loadQuestionnaires() : loadQuestionnaires(join(options.config, 'questionnaires'));
    out(`Config OK: stack ${config.stackName}, sender ${config.senderAddress}, time zone ${config.timeZone}.`);
    for (const q of questionnaires) {
      out(`Questionnaire OK: ${q.id} (${q.audience}, ${q.headline.kind}, ${plural(q.values.length, 'value')}, ${plural(q.standards.length, 'standard')}${q.anonymous ? ', anonymous' : ''})`);
    }
    return EXIT.done;
  },
});

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
