import { describe, expect, it } from 'vitest';
import { readableLogLine } from '../../local/readable-log.ts';

describe('local log lines', () => {
  it('turn a JSON log line into one readable line', () => {
    const line = JSON.stringify({ level: 'INFO', message: 'message processed', timestamp: '2026-11-23T10:15:02.123Z', service: 'sender', sampling_rate: 0, messageId: 'm-1', receiveCount: '1', outcome: 'sent' });
    expect(readableLogLine(line)).toBe('10:15:02 info  message processed  service=sender outcome=sent');
  });

  it('leave anything else as it is', () => {
    expect(readableLogLine('plain text')).toBe('plain text');
  });
});
