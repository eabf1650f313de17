import type { OptionSpecs } from './frame.ts';

/** `feedback --help`: what the CLI does and its commands, one line each. */
export function cliHelp(commands: readonly { name: string; summary: string }[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: feedback <command> [options]',
    '',
    'Runs the pipeline’s jobs against the local stack (`npm start`) by default,',
    'or against a deployed stack with --stack NAME.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `feedback <command> --help` for a command’s options.',
  ].join('\n');
}

/** `feedback <command> --help`: its usage, summary, details and every option it takes. */
export function commandHelp(command: { usage: string; summary: string; details?: string; options: OptionSpecs }): string {
  const entries = Object.entries(command.options).map(([key, option]) => [`--${key}${option.type === 'string' ? ' VALUE' : ''}`, option.description] as const);
  entries.push(['--help', 'show this help']);
  const width = Math.max(...entries.map(([flag]) => flag.length));
  const summary = `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`;
  return [
    `Usage: ${command.usage}`,
    '',
    summary,
    ...(command.details ? ['', command.details] : []),
    '',
    'Options:',
    ...entries.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
  ].join('\n');
}
