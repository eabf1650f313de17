import { describe, expect, it } from 'vitest';
import { confirmationHoldReason, mayReplace, requestHoldReason, severalScoresAround, type Confirmation, type StoredHeadline } from '../../shared/answering/one-click.ts';

const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const T0 = '2026-11-23T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const seen = (score: number, seconds: number): Confirmation => ({ score, at: at(seconds), evidence: 'seen' });
const touched = (score: number, seconds: number): Confirmation => ({ score, at: at(seconds), evidence: 'touched' });

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

  it('holds different scores confirmed within 10 seconds, but not a person changing their mind later', () => {
    expect(severalScoresAround({ 0: at(0), 1: at(0.3) }, at(0.3))).toBe(true);
    expect(severalScoresAround({ 0: at(0), 1: at(0.3), 8: at(30) }, at(30))).toBe(false);
    expect(severalScoresAround({ 8: at(2) }, at(2))).toBe(false);
  });

  it('a touched page is a person’s: only a scanner’s user agent holds it, not other scores around it', () => {
    const burst = { 0: at(0), 1: at(1), 7: at(2) };
    expect(confirmationHoldReason(touched(7, 2), burst)).toBeUndefined();
    expect(confirmationHoldReason(seen(7, 2), burst)).toBe('several-scores');
    expect(confirmationHoldReason({ ...touched(7, 2), requestHold: 'scanner-agent' }, { 7: at(2) })).toBe('scanner-agent');
  });
});

describe('which stored score a confirmation may replace', () => {
  const nothing: StoredHeadline = { submitted: false, held: false };
  const personSeen: StoredHeadline = { submitted: false, held: false, score: 9, evidence: 'seen', at: at(0) };
  const personTouched: StoredHeadline = { ...personSeen, evidence: 'touched' };
  const submitted: StoredHeadline = { submitted: true, held: false, score: 9, at: at(0) };
  const burstHeld: StoredHeadline = { submitted: false, held: true, score: 3, evidence: 'seen', at: at(0) };

  it('a submitted form is never replaced by a one-click score, counted or held', () => {
    expect(mayReplace(submitted, touched(2, 60), undefined)).toBe(false);
    expect(mayReplace(submitted, seen(2, 1), 'several-scores')).toBe(false);
  });

  it('no bot traffic replaces a touched score, or a seen one a window before the burst', () => {
    for (const hold of ['several-scores', 'scanner-agent'] as const) {
      expect(mayReplace(personTouched, seen(0, 1), hold)).toBe(false);
      expect(mayReplace(personSeen, seen(0, 11), hold)).toBe(false);
    }
    expect(mayReplace(personTouched, seen(0, 60), undefined)).toBe(false);
  });

  it('a burst holds its own first score, counted before the rest arrived', () => {
    expect(mayReplace(personSeen, seen(1, 3), 'several-scores')).toBe(true);
    expect(mayReplace(personSeen, seen(1, 3), 'scanner-agent')).toBe(false);
  });

  it('a person’s later confirmation replaces a held score; the burst’s own stragglers do not undo the hold', () => {
    expect(mayReplace(burstHeld, seen(9, 30), undefined)).toBe(true);
    expect(mayReplace(burstHeld, touched(9, 1), undefined)).toBe(true);
    expect(mayReplace(burstHeld, seen(4, 2), undefined)).toBe(false);
  });

  it('a person changing their mind touches the new page, and that replaces their earlier score; a page merely opened does not', () => {
    expect(mayReplace(nothing, seen(5, 0), undefined)).toBe(true);
    expect(mayReplace(nothing, seen(5, 0), 'several-scores')).toBe(true);
    expect(mayReplace(personSeen, touched(7, 60), undefined)).toBe(true);
    expect(mayReplace(personTouched, touched(7, 60), undefined)).toBe(true);
    expect(mayReplace(personSeen, seen(7, 60), undefined)).toBe(false);
  });
});
