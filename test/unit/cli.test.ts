import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, runCli } from '../../cli/main.ts';
import { jobFunctionName } from '../../cli/jobs.ts';
import type { DeployedTarget } from '../../cli/target.ts';
import { OUTPUTS } from '../../infra/feedback-stack-outputs.ts';

async function cli(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('the feedback CLI', () => {
  it('writes results to its output and errors to its error stream', async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await runCli(['report', '--format', 'xml'], (line) => out.push(line), (line) => err.push(line))).toBe(2);
    expect({ out, err }).toEqual({ out: [], err: ['--format: "xml" is not one of table, json, csv'] });
    expect(await runCli(['validate'], (line) => out.push(line), (line) => err.push(line))).toBe(0);
    expect(out.join('\n')).toContain('Questionnaire OK');
  });

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
    expect(await cli('send', '--wat')).toMatchObject({ code: 2, output: expect.stringMatching(/^Unknown option --wat\.\n\nUsage: feedback send/) });
    expect((await cli('send', '--wat')).output).not.toContain("after '--'");
    expect(await cli('send', '--at', 'tuesday')).toMatchObject({ code: 2, output: expect.stringContaining('--at: "tuesday" is not an ISO 8601 time') });
  });

  it('validate checks the shipped config and questionnaires', async () => {
    const { code, output } = await cli('validate');
    expect(code).toBe(0);
    expect(output).toContain('Questionnaire OK: customer-service');
  });

  it('validate --config checks another folder laid out like config/, naming the bad file and field', async () => {
    const candidate = mkdtempSync(join(tmpdir(), 'candidate-config-'));
    cpSync('config', candidate, { recursive: true });
    const configFile = join(candidate, 'feedback.config.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), stackName: 'CandidateStack' }, null, 2));
    expect(await cli('validate', '--config', candidate)).toMatchObject({ code: 0, output: expect.stringContaining('Config OK: stack CandidateStack') });
    const questionnaireFile = join(candidate, 'questionnaires', 'customer-service.json');
    writeFileSync(questionnaireFile, JSON.stringify({ ...JSON.parse(readFileSync(questionnaireFile, 'utf8')), audience: 'martians' }, null, 2));
    const broken = await cli('validate', '--config', candidate);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('customer-service.json');
    expect(broken.output).toContain('audience');
  });

  it('send without a running local stack says how to start one', async () => {
    process.env['FEEDBACK_DATA_DIR'] = 'test/.tmp/no-stack-here';
    try {
      expect(await cli('send')).toMatchObject({ code: 1, output: expect.stringContaining('npm start') });
    } finally {
      delete process.env['FEEDBACK_DATA_DIR'];
    }
  });

  it('a command that runs on a stack takes --stack and --region; validate, which reads this checkout, does not', async () => {
    expect((await cli('status', '--help')).output).toMatch(/--stack VALUE .*\n {2}--region VALUE .*\n {2}--help/);
    expect(await cli('validate', '--stack', 'prod')).toMatchObject({ code: 2, output: expect.stringContaining('Unknown option --stack.') });
  });

  it('checks its arguments before looking for a stack, so a usage error exits 2 even with none running', async () => {
    process.env['FEEDBACK_DATA_DIR'] = 'test/.tmp/no-stack-here';
    try {
      expect(await cli('digest', '--period', '2026-47')).toEqual({ code: 2, output: '--period: "2026-47" is not an ISO week like 2026-W47' });
      expect(await cli('report', '--format', 'xml')).toEqual({ code: 2, output: '--format: "xml" is not one of table, json, csv' });
      expect(await cli('forget', 'someone@example.com')).toEqual({ code: 2, output: "This removes someone@example.com's personal data for good. Run again with --yes to confirm." });
      expect(await cli('export-person', 'not-an-address')).toEqual({ code: 2, output: 'Usage: feedback export-person EMAIL' });
      // A well-formed command whose file is missing did not do its job: a failure (1), not a usage error.
      expect(await cli('import', 'contacts', 'test/.tmp/no-such.csv')).toEqual({ code: 1, output: 'test/.tmp/no-such.csv: no such file' });
    } finally {
      delete process.env['FEEDBACK_DATA_DIR'];
    }
  });

  it('on a deployed stack, invokes the function that shared/deployment/schedules.ts names for each job', () => {
    const outputs = Object.fromEntries(Object.keys(OUTPUTS).map((key) => [key, `value of ${key}`])) as DeployedTarget['outputs'];
    const stack: DeployedTarget = { kind: 'deployed', stackName: 'FeedbackPipeline', region: 'eu-west-2', outputs };
    expect(jobFunctionName(stack, 'planWave')).toBe('value of plannerFunctionName');
    expect(jobFunctionName(stack, 'sendReminders')).toBe('value of plannerFunctionName');
    expect(jobFunctionName(stack, 'sendDigests')).toBe('value of digestFunctionName');
    expect(jobFunctionName(stack, 'sendStaffDigests')).toBe('value of digestFunctionName');
    expect(jobFunctionName(stack, 'sweepComplaints')).toBe('value of complaintsFunctionName');
  });
});
