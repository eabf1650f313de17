import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type * as z from '../platform/validation/zod.ts';
import { describeIssues } from '../platform/config/zod-issues.ts';

export interface RowProblem {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

/**
 * Reads a CSV file with a header row, one record at a time (a large file is never held in
 * memory), and validates each row with `schema`. Column names are matched case-insensitively
 * with spaces and dashes read as underscores.
 */
export async function* readCsv<S extends z.ZodMiniType>(
  file: string,
  schema: S,
): AsyncGenerator<{ line: number; row: z.output<S> } | { line: number; problem: string }> {
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase().replace(/[\s-]+/g, '_')),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const values = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
      const result = schema.safeParse(values);
      yield result.success ? { line: info.lines, row: result.data } : { line: info.lines, problem: describeIssues(result.error).join('; ') };
    }
  } catch (error) {
    const csvError = error as Error & { lines?: number };
    yield { line: csvError.lines ?? 0, problem: csvError.message };
  }
}
