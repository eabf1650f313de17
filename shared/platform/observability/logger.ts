import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions, LogItemExtraInput } from '@aws-lambda-powertools/logger/types';
import type { Context } from 'aws-lambda';

/**
 * Structured JSON logs through Powertools' Logger (levels, `AWS_LAMBDA_LOG_LEVEL`, the Lambda
 * context and cold start, sampling), one line each. Fields are chosen by the caller and must
 * never hold personal data (emails, names, comments); errors are logged by name and message
 * only, never with stacks or request bodies.
 */
type Fields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, error?: unknown, fields?: Fields): void;
  child(fields: Fields): Logger;
  /** Adds the Lambda context (request id, function, cold start) to the lines of this invocation. */
  addContext(context: Context): void;
}

type Write = (line: string) => void;

/**
 * Powertools' Logger, printing each line through `write`: stdout in Lambda, a collector in
 * the tests, a terminal formatter on the local stack.
 */
class WritingLogger extends PowertoolsLogger {
  constructor(
    private readonly write: Write,
    options: ConstructorOptions,
  ) {
    super(options);
  }

  protected override printLog(_level: number, log: Parameters<PowertoolsLogger['printLog']>[1]): void {
    log.prepareForPrint();
    this.write(JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }

  protected override createLogger(options?: ConstructorOptions): PowertoolsLogger {
    return new WritingLogger(this.write, options ?? {});
  }
}

export function createLogger(options: { service?: string; keys?: Fields; write?: Write } = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  return adapt(new WritingLogger(write, { serviceName: options.service ?? 'feedback', ...(options.keys ? { persistentKeys: defined(options.keys) } : {}) }));
}

function adapt(logger: PowertoolsLogger): Logger {
  const extra = (fields: Fields = {}): LogItemExtraInput => [defined(fields)];
  return {
    info: (message, fields) => logger.info(message, ...extra(fields)),
    warn: (message, fields) => logger.warn(message, ...extra(fields)),
    error: (message, error, fields) => logger.error(message, ...extra({ ...fields, ...describeError(error) })),
    child: (fields) => adapt(logger.createChild({ persistentKeys: defined(fields) })),
    addContext: (context) => logger.addContext(context),
  };
}

function defined(fields: Fields): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Record<string, string | number | boolean>;
}

function describeError(error: unknown): Fields {
  // AWS error messages can quote addresses (SES names the identities that failed a check).
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message.replace(/[^\s:,;"'<>()]+@[^\s:,;"'<>()]+/g, '<address>').slice(0, 300) };
  return error === undefined ? {} : { errorName: typeof error };
}

/** Wraps a Lambda handler so every line it logs carries the invocation's request id and cold start. */
export function withLambdaContext<E, R>(log: Logger, handler: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return (event, context) => {
    log.addContext(context);
    return handler(event, context);
  };
}
