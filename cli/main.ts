import { setMetricsSink } from '../shared/platform/observability/metrics.ts';
import { EXIT, type Command, type LineWriter } from './frame.ts';
import { cliHelp } from './help.ts';
import { sendCommand } from './commands/send.ts';
import { remindCommand } from './commands/remind.ts';
import { importCommand } from './commands/import.ts';
import { complaintsCommand } from './commands/complaints.ts';
import { digestCommand } from './commands/digest.ts';
import { reportCommand } from './commands/report.ts';
import { forgetCommand } from './commands/forget.ts';
import { exportPersonCommand } from './commands/export-person.ts';
import { validateCommand } from './commands/validate.ts';
import { statusCommand } from './commands/status.ts';

/** Every command, in the order `feedback --help` lists them. */
export const COMMANDS: readonly Command[] = [
  sendCommand,
  remindCommand,
  importCommand,
  complaintsCommand,
  digestCommand,
  reportCommand,
  forgetCommand,
  exportPersonCommand,
  validateCommand,
  statusCommand,
];

/** `npx feedback <command>`: the admin CLI. Exit codes: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], out: LineWriter = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(cliHelp(COMMANDS));
    // Asked for, help is the answer; with no command at all, it is a usage error.
    return name ? EXIT.done : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out(`Unknown command "${name}".\n\n${cliHelp(COMMANDS)}`);
    return EXIT.usage;
  }
  return command.run(args, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setMetricsSink(() => undefined);
  process.exitCode = await runCli(process.argv.slice(2));
}
