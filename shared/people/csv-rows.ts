import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import type * as z from '../platform/validation/zod.ts';
import { describeIssues } from '../platform/config/zod-issues.ts';

export interface RowProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

/** The columns a kind of file has: a header naming others is refused before any row is read. */
export interface CsvColumns {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export type Separator = ',' | ';' | '\t';
export const SEPARATOR_NAMES: Record<Separator, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The file's header row as column names: trimmed, lower case, spaces and dashes read as underscores. */
const columnName = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * The separator of a CSV file, from its header row: whichever of comma, semicolon and tab it
 * uses most outside quotes. Spreadsheets in much of Europe save "CSV" with semicolons.
 */
export function separatorOf(file: string): Separator {
  const header = firstLine(file);
  const counts: Record<Separator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as Separator]++;
  }
  return (Object.keys(counts) as Separator[]).reduce((best, s) => (counts[s] > counts[best] ? s : best), ',');
}

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/**
 * What is wrong with a header row for `columns`, in one message, or undefined when it fits.
 * `hint` may name a better command for a file of another kind.
 */
export function headerProblem(header: readonly string[], columns: CsvColumns, hint?: (header: readonly string[]) => string | undefined): string | undefined {
  const other = hint?.(header);
  if (other) return other;
  const known = new Set([...columns.required, ...columns.optional]);
  const missing = columns.required.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !known.has(c));
  if (missing.length === 0 && unknown.length === 0) return undefined;
  return [
    ...(missing.length ? [`the header row has no ${missing.map((c) => `"${c}"`).join(', ')} column${missing.length === 1 ? '' : 's'}`] : []),
    ...(unknown.length ? [`it names unknown column${unknown.length === 1 ? '' : 's'} ${unknown.map((c) => `"${c}"`).join(', ')}`] : []),
  ].join(', and ') + ` (the columns are ${[...columns.required, ...columns.optional.map((c) => `${c} (optional)`)].join(', ')}; header found: ${header.join(', ') || 'empty'})`;
}

export type CsvEntry<S extends z.ZodMiniType> = { line: number; row: z.output<S> } | { line: number; problem: string } | { header: string };

/**
 * Reads a CSV file with a header row, one record at a time (a large file is never held in
 * memory), and validates each row with `schema`. Column names are matched case-insensitively
 * with spaces and dashes read as underscores. A header that does not fit `columns` yields one
 * `{ header }` problem and no rows: a wrong header is one message, not one per row.
 */
export async function* readCsv<S extends z.ZodMiniType>(
  file: string,
  schema: S,
  options: { columns: CsvColumns; separator: Separator; hint?: (header: readonly string[]) => string | undefined },
): AsyncGenerator<CsvEntry<S>> {
  let problem: string | undefined;
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      delimiter: options.separator,
      columns: (header: string[]) => {
        const names = header.map(columnName);
        problem = headerProblem(names, options.columns, options.hint);
        return names;
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (problem) break;
      const values = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
      const result = schema.safeParse(values);
      yield result.success ? { line: info.lines, row: result.data } : { line: info.lines, problem: describeIssues(result.error).join('; ') };
    }
  } catch (error) {
    if (!problem) {
      const csvError = error as Error & { lines?: number };
      yield { line: csvError.lines ?? 0, problem: csvError.message };
    }
  } finally {
    parser.destroy();
  }
  if (problem) yield { header: problem };
}
