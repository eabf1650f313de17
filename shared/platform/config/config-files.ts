import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError } from './zod-issues.ts';

/** Where the project keeps the config that `cdk deploy` ships and `npm start` reads. */
export const DEFAULT_CONFIG_DIR = resolve(import.meta.dirname, '../../../config');

/** A JSON file's content, or an {@link InvalidInputError} naming the file and what is wrong with it. */
export function readJsonFile(file: string): unknown {
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
