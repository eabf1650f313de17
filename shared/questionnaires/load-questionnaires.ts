import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../platform/config/zod-issues.ts';
import { ZQuestionnaire, type TQuestionnaire } from './questionnaire-schema.ts';
import { DEFAULT_CONFIG_DIR, parseJsonFile } from '../platform/config/config-files.ts';

// Apart from the deployment config, so a function that only needs its questionnaires does not
// build the config's schemas at every cold start.
/** Reads and validates every `*.json` questionnaire in `dir`; ids must be unique. */
export function loadQuestionnaires(dir = join(DEFAULT_CONFIG_DIR, 'questionnaires')): TQuestionnaire[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new InvalidInputError(dir, ['no questionnaire (*.json) found']);
  const questionnaires = files.map((name) => parseJsonFile(ZQuestionnaire, join(dir, name)));
  const seen = new Set<string>();
  for (const q of questionnaires) {
    if (seen.has(q.id)) throw new InvalidInputError(dir, [`two questionnaires have the id "${q.id}"`]);
    seen.add(q.id);
  }
  return questionnaires;
}
