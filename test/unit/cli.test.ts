import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { COMMANDS } from '../../cli/commands.ts';

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('the feedback CLI', () => {
  it('--help lists every command', async () => {
    const { code, output } = await cli('--help');
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(output).toContain(command.name);
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help shows usage and options', async (name) => {
    const { code, output } = await cli(name, '--help');
    expect(code).toBe(0);
    expect(output).toContain(`Usage: feedback ${name}`);
    expect(output).toContain('--help');
  });

  it('an unknown command or option is a usage error (exit 2) that says what was wrong', async () => {
    expect(await cli('sned')).toMatchObject({ code: 2, output: expect.stringContaining('Unknown command "sned"') });
    expect(await cli('send', '--wat')).toMatchObject({ code: 2, output: expect.stringContaining("Unknown option '--wat'") });
    expect(await cli('send', '--at', 'tuesday')).toMatchObject({ code: 2, output: expect.stringContaining('--at: "tuesday" is not an ISO 8601 time') });
  });

  it('validate checks the shipped config and questionnaires', async () => {
    const { code, output } = await cli('validate');
    expect(code).toBe(0);
    expect(output).toContain('Questionnaire OK: customer-service');
  });

  it('send without a running local stack says how to start one', async () => {
    process.env['FEEDBACK_DATA_DIR'] = 'test/.tmp/no-stack-here';
    try {
      expect(await cli('send')).toMatchObject({ code: 1, output: expect.stringContaining('npm start') });
    } finally {
      delete process.env['FEEDBACK_DATA_DIR'];
    }
  });
});
