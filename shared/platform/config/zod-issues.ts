import type * as z from '../validation/zod.ts';

/**
 * Turns zod issues into one line per problem, each naming the field by its path
 * (`values[2].label`), so a bad config or CSV row says exactly what to fix.
 */
export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const { path, message } = describeIssue(issue);
    return path ? `${path}: ${message}` : message;
  });
}

/** One issue's field path (`values[2].label`, empty for the whole input) and message. */
export function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  return { path: formatPath(issue.path), message: issue.message };
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text ? `${text}.${String(part)}` : String(part);
  }, '');
}

/** Thrown when a config file, an environment or an input does not match its schema. */
export class InvalidInputError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidInputError';
  }
}

/** Parses `value` with `schema`, throwing an {@link InvalidInputError} that names `source`. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, source: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new InvalidInputError(source, describeIssues(result.error));
  return result.data;
}
