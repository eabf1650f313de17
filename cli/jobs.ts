import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { OUTPUTS } from '../infra/feedback-stack-outputs.ts';
import { JOB_FUNCTION, type JobFunction, type ScheduledJob } from '../shared/deployment/schedules.ts';
import { loadDeploymentConfig } from '../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { createLogger } from '../shared/platform/observability/logger.ts';
import type { TPlannerRequest } from '../functions/planner/planner.ts';
import type { TDigestRequest } from '../functions/digest/digest.ts';
import { createLocalPipeline, type LocalPipeline, type LocalPipelineOptions } from '../local/local-pipeline.ts';
import { localLinkSecret } from '../local/local-secret.ts';
import type { DeployedTarget, LocalTarget } from './target.ts';

/**
 * The stack output that names each function the CLI invokes. Which function runs a job is
 * JOB_FUNCTION's to say; a job moved to a function missing here fails to type-check.
 */
const FUNCTION_NAME_OUTPUT = {
  planner: 'plannerFunctionName',
  complaints: 'complaintsFunctionName',
  digest: 'digestFunctionName',
} as const satisfies Record<JobFunction, keyof typeof OUTPUTS>;

/** What the CLI asks a job's function to do: what its schedule sends, plus the CLI's options. */
export type JobRequest = TPlannerRequest | TDigestRequest | { job: 'sweepComplaints'; at?: string };

/** The name of the deployed function that runs `job`. */
export function jobFunctionName(target: DeployedTarget, job: ScheduledJob): string {
  return target.outputs[FUNCTION_NAME_OUTPUT[JOB_FUNCTION[job]]];
}

/** Runs a job on a deployed stack by invoking its function; answers what the function returned. */
export async function invokeJob(target: DeployedTarget, request: JobRequest): Promise<unknown> {
  const functionName = jobFunctionName(target, request.job);
  const client = new LambdaClient({ region: target.region });
  const response = await client.send(new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(request)) }));
  const body = Buffer.from(response.Payload ?? []).toString('utf8');
  if (response.FunctionError) throw new Error(`${functionName} failed: ${body.slice(0, 500)}`);
  return JSON.parse(body);
}

/**
 * Runs `use` with the pipeline wired to the running local stack, its clock set to `at` when
 * given, and closes the pipeline's queues afterwards so the CLI can exit.
 */
/** The pipeline a CLI process wires to the running local stack: its table, inbox, API and secret; silent logs. */
export function localPipelineOptions(target: LocalTarget, via: string): LocalPipelineOptions {
  return {
    config: loadDeploymentConfig(),
    questionnaires: loadQuestionnaires(),
    tableName: target.run.tableName,
    dynamodbEndpoint: target.run.dynamodbEndpoint,
    sesEndpoint: target.run.inboxUrl,
    publicBaseUrl: target.run.apiUrl,
    linkSecret: localLinkSecret(target.settings.secretFile),
    mailDir: target.settings.mailDir,
    log: createLogger({ keys: { stack: 'local', via }, write: () => undefined }),
  };
}

export async function withLocalPipeline<T>(target: LocalTarget, at: Date | undefined, use: (pipeline: LocalPipeline) => Promise<T>, progress?: (line: string) => void): Promise<T> {
  const pipeline = createLocalPipeline({
    ...localPipelineOptions(target, 'cli'),
    ...(at ? { now: () => at } : {}),
    ...(progress ? { progress } : {}),
  });
  try {
    return await use(pipeline);
  } finally {
    pipeline.close();
  }
}
