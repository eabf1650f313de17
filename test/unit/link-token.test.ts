import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { parseKeyring, rotateKeyring, serializeKeyring } from '../../shared/platform/tokens/link-keys.ts';
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

describe('rotating the signing key', () => {
  const day = 86_400;
  const firstSecret = 'a'.repeat(48);
  const rotate = (text: string, at: number) =>
    rotateKeyring(parseKeyring(text), { nowSeconds: at, newSecret: 'n'.repeat(48) + at, activationDelaySeconds: 600, longestLinkSeconds: 400 * day });
  const claims = { purpose: 'unsubscribe' as const, linkId: newLinkId(), expiresAt: now + 395 * day };

  it('keeps links signed before key ids existed (v1) verifying, before and after a rotation', () => {
    const body = `v1.unsubscribe.${claims.linkId}.${claims.expiresAt}`;
    const v1 = `${body}.${createHmac('sha256', firstSecret).update(body).digest('base64url')}`;
    expect(verifyLink(v1, 'unsubscribe', firstSecret, now)).toEqual(claims);
    expect(verifyLink(v1, 'unsubscribe', serializeKeyring(rotate(firstSecret, now).ring), now + 30 * day)).toEqual(claims);
  });

  it('names the key in each token and switches to the new key only once it is active', () => {
    const rotated = serializeKeyring(rotate(firstSecret, now).ring);
    const before = signLink(claims, rotated, now + 599);
    const after = signLink(claims, rotated, now + 600);
    expect(before).toMatch(/^v2\.k0\./);
    expect(after).toMatch(/^v2\.k1\./);
    // Links from either key verify with the rotated ring; the old secret alone cannot check the new key's links.
    expect(verifyLink(before, 'unsubscribe', rotated, now + 700)).toEqual(claims);
    expect(verifyLink(after, 'unsubscribe', rotated, now + 700)).toEqual(claims);
    expect(verifyLink(after, 'unsubscribe', firstSecret, now + 700)).toBeUndefined();
  });

  it('refuses a token whose key id was changed to another key of the ring', () => {
    const rotated = serializeKeyring(rotate(firstSecret, now).ring);
    const token = signLink(claims, rotated, now);
    expect(verifyLink(token.replace('v2.k0.', 'v2.k1.'), 'unsubscribe', rotated, now)).toBeUndefined();
    expect(verifyLink(token.replace('v2.k0.', 'v2.k7.'), 'unsubscribe', rotated, now)).toBeUndefined();
  });

  it('drops a key only once every link it signed has expired', () => {
    const once = rotate(firstSecret, now);
    const soon = rotate(serializeKeyring(once.ring), now + 30 * day);
    expect(soon.removed).toEqual([]);
    expect(soon.ring.keys.map((key) => key.id)).toEqual(['k0', 'k1', 'k2']);
    const later = rotate(serializeKeyring(soon.ring), now + 401 * day);
    expect(later.removed).toEqual(['k0']);
    expect(later.ring.keys.map((key) => key.id)).toEqual(['k1', 'k2', 'k3']);
  });

  it('refuses a keyring that is malformed, without echoing it', () => {
    expect(() => parseKeyring('{"keys":[{"id":"k0","secret":"short","activeFrom":0}]}')).toThrow(/not a valid keyring/);
    expect(() => parseKeyring('{"keys":[{"id":"k0","secret":"short","activeFrom":0}]}')).not.toThrow(/short/);
    expect(() => parseKeyring('tiny')).toThrow(/too short/);
  });
});

describe('anonymous answer links', () => {
  const scope = { questionnaireId: 'staff-policies', waveId: '2026-W48', language: 'en', responseId: newLinkId() };

  it('carry a signed response id beside the link id', () => {
    const linkId = newLinkId();
    const token = signLink({ purpose: 'answer', linkId, expiresAt: now + 60, scope }, secret, now);
    expect(verifyLink(token, 'answer', secret, now)).toEqual({ purpose: 'answer', linkId, expiresAt: now + 60, scope });
  });

  it('cannot have their response id changed (it would answer as someone else)', () => {
    const token = signLink({ purpose: 'answer', linkId: newLinkId(), expiresAt: now + 60, scope }, secret, now);
    const forged = token.replace(scope.responseId, newLinkId());
    expect(verifyLink(forged, 'answer', secret, now)).toBeUndefined();
  });
});

describe('answer links that ask some of the values', () => {
  it('carry the signed mask of the values they ask, with or without a response id, and a changed mask is refused', () => {
    for (const scope of [
      { questionnaireId: 'customer-service', waveId: '2026-W48', language: 'es', shown: 0b1000000011 },
      { questionnaireId: 'staff-policies', waveId: '2026-W48', language: 'en', responseId: newLinkId(), shown: 0b11110 },
    ]) {
      const linkId = newLinkId();
      const token = signLink({ purpose: 'answer', linkId, expiresAt: now + 60, scope }, secret, now);
      expect(verifyLink(token, 'answer', secret, now)).toEqual({ purpose: 'answer', linkId, expiresAt: now + 60, scope });
      expect(verifyLink(token.replace(`~s${scope.shown.toString(16)}`, '~s3ff'), 'answer', secret, now)).toBeUndefined();
    }
  });
});
