/**
 * Structured JSON logs, one line each, which CloudWatch Logs Insights can query. Fields are
 * chosen by the caller and must never hold personal data (emails, names, comments);
 * errors are logged by name and message only, never with request bodies.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, error?: unknown, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export function createLogger(base: Fields = {}, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: Level, message: string, fields: Fields = {}) =>
    write(JSON.stringify({ level, time: new Date().toISOString(), message, ...base, ...fields }));
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, error, fields) => emit('error', message, { ...fields, ...describeError(error) }),
    child: (fields) => createLogger({ ...base, ...fields }, write),
  };
}

function describeError(error: unknown): Fields {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message.slice(0, 300) };
  return error === undefined ? {} : { errorName: typeof error };
}
