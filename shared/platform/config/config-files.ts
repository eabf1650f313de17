import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as z from '../validation/zod.ts';
import { describeIssue, InvalidInputError } from './zod-issues.ts';
import { jsonPositions, positionOfPath, syntaxErrorPosition, type TextPosition } from './json-positions.ts';

/** Where the project keeps the config that `cdk deploy` ships and `npm start` reads. */
export const DEFAULT_CONFIG_DIR = resolve(import.meta.dirname, '../../../config');

const where = (position: TextPosition | undefined) => (position ? `line ${position.line}, column ${position.column}: ` : '');

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
}

/** The JSON in `text`, or an error naming the line and column where it stops being JSON. */
function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new InvalidInputError(file, [`${where(syntaxErrorPosition(text, message))}is not valid JSON: ${message}`]);
  }
}

/**
 * A JSON file validated by `schema`, or an {@link InvalidInputError} naming the file and, for
 * each problem, its line and column and the field's path, as an editor would show them.
 */
export function parseJsonFile<S extends z.ZodMiniType>(schema: S, file: string): z.output<S> {
  const text = readText(file);
  const result = schema.safeParse(parseJsonText(file, text));
  if (result.success) return result.data;
  const positions = jsonPositions(text);
  throw new InvalidInputError(
    file,
    result.error.issues.map((issue) => {
      const { path, message } = describeIssue(issue);
      return `${where(positionOfPath(text, positions, path))}${path ? `${path}: ` : ''}${message}`;
    }),
  );
}
