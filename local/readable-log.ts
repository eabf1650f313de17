/** A JSON log line (Powertools' format) as a terminal line: `10:15:02 info  message processed  service=sender outcome=sent`. */
export function readableLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { level, timestamp, message, sampling_rate: _sampling, ...fields } = entry;
  const clock = typeof timestamp === 'string' ? timestamp.slice(11, 19) : '';
  const rest = Object.entries(fields)
    .filter(([key, value]) => value !== undefined && key !== 'receiveCount' && key !== 'messageId')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return `${clock} ${String(level).toLowerCase().padEnd(5)} ${String(message)}${rest ? `  ${rest}` : ''}`;
}
