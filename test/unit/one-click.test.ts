import { describe, expect, it } from 'vitest';
import { requestHoldReason, severalScoresAround } from '../../shared/answering/one-click.ts';

const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

describe('the one-click scanner rule', () => {
  it.each([
    ['a browser GET', 'GET', BROWSER, undefined],
    ['a HEAD', 'HEAD', BROWSER, 'head-request'],
    ['a known scanner', 'GET', 'Mozilla/5.0 (compatible; Proofpoint URL Defense)', 'scanner-agent'],
    ['a script', 'GET', 'python-requests/2.32', 'scanner-agent'],
    ['no user agent', 'GET', undefined, 'scanner-agent'],
  ])('%s', (_name, method, agent, expected) => {
    expect(requestHoldReason(method, agent)).toBe(expected);
  });

  it('holds different scores fetched within 10 seconds, but not a person changing their mind later', () => {
    const burst = [{ score: 0, at: '2026-11-23T10:00:00.000Z' }, { score: 1, at: '2026-11-23T10:00:00.300Z' }];
    expect(severalScoresAround(burst, '2026-11-23T10:00:00.300Z')).toBe(true);
    const later = [...burst, { score: 8, at: '2026-11-23T10:00:30.000Z' }];
    expect(severalScoresAround(later, '2026-11-23T10:00:30.000Z')).toBe(false);
    expect(severalScoresAround([{ score: 8, at: '2026-11-23T10:00:00.000Z' }, { score: 8, at: '2026-11-23T10:00:02.000Z' }], '2026-11-23T10:00:02.000Z')).toBe(false);
  });
});
