import { parseArgs } from 'node:util';
import { InvalidInputError } from '../shared/platform/config/zod-issues.ts';
import type { Table } from '../shared/platform/table/table-client.ts';
import { commandHelp } from './help.ts';
import { resolveTarget, targetTable, TargetError, type Target } from './target.ts';

/** The CLI's exit codes, as the README documents them. */
export const EXIT = { done: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type LineWriter = (line: string) => void;

/** Thrown when the arguments are wrong: the frame prints the message and exits with EXIT.usage. */
export class UsageError extends Error {}

/**
 * Thrown when a command did not fully do its job for a reason its message explains (a file
 * that is not there, rows that are wrong, emails that did not go): printed as it is, exit 1.
 */
export class CommandFailed extends Error {}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** What parseArgs found for each option: a string option's value, or whether a flag was given. */
export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

/** The options of every command that runs against a stack. */
const TARGET_OPTIONS = {
  stack: { type: 'string', description: 'run against this deployed stack (reads its CloudFormation outputs) instead of the local stack' },
  region: { type: 'string', description: 'AWS Region of --stack (default: as the AWS CLI finds it: AWS_REGION or your profile)' },
} as const satisfies OptionSpecs;

export interface CommandContext<O extends OptionSpecs> {
  readonly options: OptionValues<O>;
  readonly positionals: readonly string[];
  readonly out: LineWriter;
  /**
   * What a slow command is doing, as it does it: goes where errors go (stderr at a terminal),
   * so stdout holds results only and machine formats stay clean.
   */
  readonly progress: LineWriter;
  /**
   * The deployed stack named by --stack, or the local stack. Resolved only when asked for,
   * so that a command reports wrong arguments (exit 2) before a missing stack (exit 1).
   */
  readonly target: () => Promise<Target>;
  /** The target's table. */
  readonly table: () => Promise<Table>;
}

export interface CommandDefinition<O extends OptionSpecs> {
  readonly name: string;
  /** One line, lower case and without a full stop: the CLI's help lists it. */
  readonly summary: string;
  readonly usage: string;
  /** More help, shown by `--help` after the summary. */
  readonly details?: string;
  readonly options: O;
  /** Whether it runs against a stack: the frame then adds --stack and --region. */
  readonly runsOnStack: boolean;
  run(context: CommandContext<O>): Promise<ExitCode>;
}

/** A command ready to run from its arguments (those after its name). */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Results go to `out`; usage errors and failures to `err` (stderr at a terminal). */
  run(args: readonly string[], out: LineWriter, err?: LineWriter): Promise<ExitCode>;
}

/**
 * Wraps a command's definition in what every command does the same way: parsing its options,
 * `--help`, the target, and turning errors into a message and an exit code.
 */
export function defineCommand<O extends OptionSpecs>(definition: CommandDefinition<O>): Command {
  const options: OptionSpecs = { ...definition.options, ...(definition.runsOnStack ? TARGET_OPTIONS : {}) };
  const help = () => commandHelp({ ...definition, options });
  return {
    name: definition.name,
    summary: definition.summary,
    async run(args, out, err = out) {
      let parsed;
      try {
        parsed = parseOptions(options, args);
      } catch (error) {
        err(`${usageMessageOf(error)}\n\n${help()}`);
        return EXIT.usage;
      }
      if (parsed.values['help']) {
        out(help());
        return EXIT.done;
      }
      const targetOptions = { stack: stringValue(parsed.values['stack']), region: stringValue(parsed.values['region']) };
      const context: CommandContext<O> = {
        // parseArgs was given exactly these options, so their values have these types.
        options: parsed.values as OptionValues<O>,
        positionals: parsed.positionals,
        out,
        progress: err,
        target: () => resolveTarget(targetOptions),
        table: async () => targetTable(await resolveTarget(targetOptions)),
      };
      try {
        return await definition.run(context);
      } catch (error) {
        return reportFailure(definition.name, error, err);
      }
    },
  };
}

interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: string[];
}

function parseOptions(options: OptionSpecs, args: readonly string[]): ParsedArgs {
  const types = Object.fromEntries(Object.entries(options).map(([key, option]) => [key, { type: option.type }]));
  return parseArgs({ args: [...args], options: { ...types, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
}

/** Errors we expect say what to do themselves; anything else is named after the command. */
function reportFailure(name: string, error: unknown, out: LineWriter): ExitCode {
  if (error instanceof UsageError) {
    out(error.message);
    return EXIT.usage;
  }
  if (error instanceof InvalidInputError || error instanceof TargetError || error instanceof CommandFailed) {
    out(error.message);
    return EXIT.failed;
  }
  out(`feedback ${name} failed: ${messageOf(error)}`);
  return EXIT.failed;
}

function stringValue(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Node's parseArgs explains an unknown option with advice for scripts ("place it after '--'"); say it plainly. */
function usageMessageOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  const option = /'(-[^']*)'/.exec(messageOf(error))?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option ${option}.`;
  return messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
