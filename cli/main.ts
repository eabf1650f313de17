import { parseArgs } from 'node:util';
import { InvalidInputError } from '../shared/platform/config/zod-issues.ts';
import { COMMANDS, type Command } from './commands.ts';
import { TargetError } from './target.ts';
import { setMetricsSink } from '../shared/platform/observability/metrics.ts';

/** `npx feedback <command>`: the admin CLI. Exit codes: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], out: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(mainHelp());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out(`Unknown command "${name}".\n\n${mainHelp()}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...Object.fromEntries(Object.entries(command.options).map(([key, option]) => [key, { type: option.type }])), help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    out(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (parsed.values['help']) {
    out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, { out });
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof TargetError) {
      out(error.message);
      return 1;
    }
    out(`feedback ${name} failed: ${(error as Error).message}`);
    return 1;
  }
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: feedback <command> [options]',
    '',
    'Runs the pipeline’s jobs against the local stack (`npm start`) by default,',
    'or against a deployed stack with --stack NAME.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `feedback <command> --help` for a command’s options.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const entries = Object.entries(command.options).map(([key, option]) => [`--${key}${option.type === 'string' ? ' VALUE' : ''}`, option.description] as const);
  entries.push(['--help', 'show this help']);
  const width = Math.max(...entries.map(([flag]) => flag.length));
  const summary = `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`;
  return [`Usage: ${command.usage}`, '', summary, ...(command.details ? ['', command.details] : []), '', 'Options:', ...entries.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setMetricsSink(() => undefined);
  process.exitCode = await runCli(process.argv.slice(2));
}
