import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOrThrow, InvalidInputError } from './zod-issues.ts';
import { ZDeploymentConfig, type TDeploymentConfig } from './deployment-config.ts';
import { ZQuestionnaire, type TQuestionnaire } from '../questionnaire/questionnaire-schema.ts';

/** Where the project keeps the config that `cdk deploy` ships and `npm start` reads. */
export const DEFAULT_CONFIG_DIR = resolve(import.meta.dirname, '../../config');

export function loadDeploymentConfig(file = join(DEFAULT_CONFIG_DIR, 'feedback.config.json')): TDeploymentConfig {
  return parseOrThrow(ZDeploymentConfig, readJson(file), file);
}

/** Reads and validates every `*.json` questionnaire in `dir`; ids must be unique. */
export function loadQuestionnaires(dir = join(DEFAULT_CONFIG_DIR, 'questionnaires')): TQuestionnaire[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) throw new InvalidInputError(dir, ['no questionnaire (*.json) found']);
  const questionnaires = files.map((name) => parseOrThrow(ZQuestionnaire, readJson(join(dir, name)), join(dir, name)));
  const seen = new Set<string>();
  for (const q of questionnaires) {
    if (seen.has(q.id)) throw new InvalidInputError(dir, [`two questionnaires have the id "${q.id}"`]);
    seen.add(q.id);
  }
  return questionnaires;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError(file, [`is not valid JSON: ${(error as Error).message}`]);
  }
}
