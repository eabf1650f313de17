import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { OUTPUTS } from '../infra/feedback-stack-outputs.ts';
import { localSettings } from '../local/local-settings.ts';
import { readRunFile, type TRunFile } from '../local/run-file.ts';
import { openTable, type Table } from '../shared/platform/table/table-client.ts';

/** Where a CLI command runs its job: the local stack (default) or a deployed stack. */
export type Target =
  | { kind: 'local'; run: TRunFile; settings: ReturnType<typeof localSettings> }
  | { kind: 'deployed'; stackName: string; region: string; outputs: Record<keyof typeof OUTPUTS, string> };
export type LocalTarget = Extract<Target, { kind: 'local' }>;
export type DeployedTarget = Extract<Target, { kind: 'deployed' }>;

export class TargetError extends Error {}

export async function resolveTarget(options: { stack?: string; region?: string }): Promise<Target> {
  if (options.stack) return deployedTarget(options.stack, options.region);
  const settings = localSettings();
  const run = readRunFile(settings.runFile);
  if (!run) throw new TargetError('The local stack is not running: start it with `npm start` (or pass --stack NAME for a deployed stack).');
  return { kind: 'local', run, settings };
}

async function deployedTarget(stackName: string, region?: string): Promise<Target> {
  const client = new CloudFormationClient(region ? { region } : {});
  let stack;
  try {
    stack = (await client.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  } catch (error) {
    throw new TargetError(`Cannot read stack "${stackName}": ${(error as Error).message}`);
  }
  const found = new Map((stack?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const outputs = {} as Record<keyof typeof OUTPUTS, string>;
  for (const [key, name] of Object.entries(OUTPUTS)) {
    const value = found.get(name);
    if (!value) throw new TargetError(`Stack "${stackName}" has no output ${name}: is it a feedback pipeline stack, deployed by this version?`);
    outputs[key as keyof typeof OUTPUTS] = value;
  }
  // The SDK has worked out the Region (flag, environment or profile); the other clients reuse it.
  return { kind: 'deployed', stackName, outputs, region: await client.config.region() };
}

/**
 * The target's table: DynamoDB Local, or the deployed table with the caller's AWS
 * credentials, found as the AWS CLI finds them (environment, profile, SSO…).
 */
export function targetTable(target: Target): Table {
  if (target.kind === 'local') return openTable(target.run.tableName, { endpoint: target.run.dynamodbEndpoint });
  return openTable(target.outputs.tableName, { region: target.region, credentials: defaultProvider() });
}
