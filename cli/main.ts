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
import { rotateLinkKeyCommand } from './commands/rotate-link-key.ts';
import { dashboardLinkCommand } from './commands/dashboard-link.ts';
import { runCommand } from './commands/run.ts';
import { checkCommand } from './commands/check.ts';
import { departmentsCommand } from './commands/departments.ts';
import { staffCommand } from './commands/staff.ts';
import { previewCommand } from './commands/preview.ts';

/** Every command, in the order `feedback --help` lists them. */
export const COMMANDS: readonly Command[] = [
  sendCommand,
  remindCommand,
  importCommand,
  complaintsCommand,
  departmentsCommand,
  staffCommand,
  dashboardLinkCommand,
  digestCommand,
  runCommand,
  reportCommand,
  forgetCommand,
  exportPersonCommand,
  previewCommand,
  validateCommand,
  statusCommand,
  checkCommand,
  rotateLinkKeyCommand,
];

/** `npx feedback <command>`: the admin CLI. Exit codes: 0 done, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], out?: LineWriter, err?: LineWriter): Promise<number> {
  // At a terminal, results go to stdout and errors to stderr; a caller that collects lines gets both in one place.
  const write = out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const warn = err ?? out ?? ((line: string) => process.stderr.write(`${line}\n`));
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for, help is the answer; with no command at all, it is a usage error.
    (name ? write : warn)(cliHelp(COMMANDS));
    return name ? EXIT.done : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    warn(`Unknown command "${name}".\n\n${cliHelp(COMMANDS)}`);
    return EXIT.usage;
  }
  return command.run(args, write, warn);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  setMetricsSink(() => undefined);
  process.exitCode = await runCli(process.argv.slice(2));
}
