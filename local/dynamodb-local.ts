import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { waitFor } from './wait-for.ts';

/** Thrown when Java is missing or too old; its message is the one line that says how to fix it. */
export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

export interface RunningDynamoDb {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** AWS's DynamoDB Local jar, as shipped inside the `amplify-dynamodb-simulator` package. */
function emulatorDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

/** Checks that `java` runs and is version 17 or later. */
export function requireJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new JavaMissingError('Java 17+ is needed for DynamoDB Local and was not found: install a JRE (e.g. `sudo apt-get install openjdk-17-jre-headless`, or `brew install openjdk@17`) and run again.');
  }
  const version = /version "(\d+)/.exec(result.stderr)?.[1];
  if (version && Number(version) < 17) {
    throw new JavaMissingError(`Java ${version} was found, but DynamoDB Local needs Java 17+: install a newer JRE and run again.`);
  }
}

/**
 * Starts DynamoDB Local on `port`, keeping data in `dataDir` (or in memory when omitted),
 * and resolves once it answers requests.
 */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<RunningDynamoDb> {
  requireJava();
  const dir = emulatorDir();
  const storage = options.dataDir ? ['-sharedDb', '-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'java',
    ['-Xmx512m', `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-jar', join(dir, 'DynamoDBLocal.jar'), '-port', String(options.port), ...storage],
    // DynamoDB Local writes a metadata file into its working directory: keep it out of the project.
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: options.dataDir ?? tmpdir() },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited (code ${code}) before it was ready:\n${output.slice(-2000)}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([
    waitFor(async () => {
      // Any HTTP answer (DynamoDB Local answers 400 to a bare GET) means it is listening.
      await fetch(endpoint);
      return true;
    }, { timeoutMs: 30_000, what: `DynamoDB Local on port ${options.port}` }),
    exited,
  ]);
  return {
    endpoint,
    process: child,
    stop: () => stopChild(child),
  };
}

/** Stops a child process: SIGTERM, then SIGKILL if it has not gone after 5 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
