import { resolve } from 'node:path';
import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import { SUPPORTED_LANGUAGES } from '../../shared/platform/language/languages.ts';
import { localSettings } from '../../local/local-settings.ts';
import { choiceOption } from '../arguments.ts';
import { defineCommand, EXIT, UsageError } from '../frame.ts';
import { writePreview } from '../preview-files.tsx';
import type { TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';

/** The questionnaire a preview or test send is of: the one named, or the first customer questionnaire. */
export function chosenQuestionnaire(questionnaires: readonly TQuestionnaire[], id: string | undefined): TQuestionnaire {
  const found = id ? questionnaires.find((q) => q.id === id) : (questionnaires.find((q) => q.audience === 'customers') ?? questionnaires[0]);
  if (!found) throw new UsageError(`No questionnaire "${id}"; there are: ${questionnaires.map((q) => q.id).join(', ')}`);
  return found;
}

export const previewCommand = defineCommand({
  name: 'preview',
  summary: 'write a questionnaire’s invitation email and page as HTML files, to look at before anything is sent',
  usage: 'feedback preview [QUESTIONNAIRE] [--language L] [--out DIR]',
  details:
    'Renders what a recipient would get, from this checkout’s config and questionnaires (no stack needed), for a sample recipient: the invitation email as HTML and as its text part, and the questionnaire page with the business’s header. The links in them lead nowhere, so nothing can be answered from a preview. Open the HTML files in a browser; narrow the window to see a phone.',
  options: {
    language: { type: 'string', description: `the recipient’s language: ${SUPPORTED_LANGUAGES.join(' or ')} (default: the questionnaire’s first)` },
    out: { type: 'string', description: 'the folder to write to (default: .data/preview)' },
  },
  runsOnStack: false,
  async run({ options, positionals, out }) {
    if (positionals.length > 1) throw new UsageError('Give at most one questionnaire id.');
    const questionnaire = chosenQuestionnaire(loadQuestionnaires(), positionals[0]);
    const language = options.language === undefined ? questionnaire.languages[0]! : choiceOption('--language', options.language, SUPPORTED_LANGUAGES);
    const dir = resolve(options.out ?? resolve(localSettings().dataDir, 'preview'));
    const files = await writePreview(loadDeploymentConfig(), questionnaire, language, dir);
    out(`Preview of ${questionnaire.id} in ${language}:`);
    if (!(questionnaire.languages as string[]).includes(language)) out(`(${questionnaire.id} has no ${language} text yet: its questions are shown in ${questionnaire.languages[0]}.)`);
    for (const file of files) out(`  ${file}`);
    return EXIT.done;
  },
});
