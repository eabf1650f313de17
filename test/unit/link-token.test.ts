import { describe, expect, it } from 'vitest';
import { newLinkId, signLink, verifyLink } from '../../shared/platform/tokens/link-token.ts';

const secret = 'a'.repeat(48);
const now = 1_800_000_000;

describe('signed links', () => {
  const claims = { purpose: 'answer' as const, linkId: newLinkId(), expiresAt: now + 3600 };
  const token = signLink(claims, secret);

  it('carry a 128-bit random id and verify while unexpired', () => {
    expect(Buffer.from(claims.linkId, 'base64url')).toHaveLength(16);
    expect(verifyLink(token, 'answer', secret, now)).toEqual(claims);
  });

  it('fail once expired', () => {
    expect(verifyLink(token, 'answer', secret, now + 3600)).toBeUndefined();
  });

  it('fail for another purpose: an answer link cannot unsubscribe', () => {
    expect(verifyLink(token, 'unsubscribe', secret, now)).toBeUndefined();
  });

  it('fail with another secret', () => {
    expect(verifyLink(token, 'answer', 'b'.repeat(48), now)).toBeUndefined();
  });

  it.each([
    ['a changed link id', (t: string) => t.replace(claims.linkId, newLinkId())],
    ['an extended expiry', (t: string) => t.replace(String(claims.expiresAt), String(claims.expiresAt + 999_999))],
    ['a truncated signature', (t: string) => t.slice(0, -3)],
    ['an extra segment', (t: string) => `${t}.x`],
    ['garbage', () => 'not-a-token'],
    ['an oversize token', (t: string) => t + 'A'.repeat(500)],
  ])('fail when tampered: %s', (_name, tamper) => {
    expect(verifyLink(tamper(token), 'answer', secret, now)).toBeUndefined();
  });
});

describe('answer links with a scope', () => {
  const scoped = { purpose: 'answer' as const, linkId: newLinkId(), expiresAt: now + 3600, scope: { questionnaireId: 'customer-service', waveId: '2026-W48', language: 'en' } };
  const token = signLink(scoped, secret);

  it('carry questionnaire, wave and language, signed with the rest', () => {
    expect(verifyLink(token, 'answer', secret, now)).toEqual(scoped);
  });

  it('fail when the scope is changed', () => {
    expect(verifyLink(token.replace('customer-service', 'staff-policies'), 'answer', secret, now)).toBeUndefined();
    expect(verifyLink(token.replace('2026-W48', '2026-W47'), 'answer', secret, now)).toBeUndefined();
  });
});
