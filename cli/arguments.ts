import * as z from '../shared/platform/validation/zod.ts';
import { isPeriod } from '../shared/digest/period.ts';
import { UsageError } from './frame.ts';

/** Checks of option values and positionals that more than one command takes; each throws a UsageError saying what is wrong. */

const ZEmail = z.email();

/** `--at`: the time to run as of, when given. */
export function timeOption(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
    throw new UsageError(`--at: "${value}" is not an ISO 8601 time such as 2026-11-30T09:00:00Z`);
  }
  return at;
}

/** `--period`: an ISO week. */
export function periodOption(value: string): string {
  if (!isPeriod(value)) throw new UsageError(`--period: "${value}" is not an ISO week like 2026-W47`);
  return value;
}

/** An option that takes one of a few words, such as `--format`. */
export function choiceOption<const C extends string>(flag: string, value: string, choices: readonly C[]): C {
  const choice = choices.find((c) => c === value);
  if (choice === undefined) throw new UsageError(`${flag}: "${value}" is not one of ${choices.join(', ')}`);
  return choice;
}

/** The one positional of `forget` and `export-person`: a customer's address. */
export function emailArgument(positionals: readonly string[], usage: string): string {
  const email = ZEmail.safeParse(positionals[0]);
  if (!email.success || positionals.length !== 1) throw new UsageError(usage);
  return email.data;
}
