import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed link tokens: `v1.<purpose>.<linkId>.<expiry>.<signature>`. The link id is 128
 * random bits (opaque: it reveals no email), the expiry is epoch seconds, and the signature
 * is HMAC-SHA256 over the rest with the stack's secret.
 */
export type LinkPurpose = 'answer' | 'unsubscribe' | 'complaint';

export interface LinkClaims {
  purpose: LinkPurpose;
  linkId: string;
  expiresAt: number;
}

const PURPOSES: readonly string[] = ['answer', 'unsubscribe', 'complaint'] satisfies LinkPurpose[];
const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

/** A fresh link id: 16 random bytes, base64url. */
export function newLinkId(): string {
  return randomBytes(16).toString('base64url');
}

export function signLink(claims: LinkClaims, secret: string): string {
  const body = `v1.${claims.purpose}.${claims.linkId}.${claims.expiresAt}`;
  return `${body}.${mac(body, secret)}`;
}

/**
 * The claims of a valid, unexpired token for `purpose`, or undefined. Every failure looks
 * the same to the caller, so a response cannot tell a forged link from an expired one.
 */
export function verifyLink(token: string, purpose: LinkPurpose, secret: string, nowSeconds: number): LinkClaims | undefined {
  if (token.length > 200) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  const [version, tokenPurpose, linkId, expiry, signature] = parts as [string, string, string, string, string];
  const expected = Buffer.from(mac(`${version}.${tokenPurpose}.${linkId}.${expiry}`, secret));
  const given = Buffer.from(signature);
  // Constant-time comparison, so response timing leaks nothing about the right signature.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expiresAt = Number(expiry);
  if (version !== 'v1' || tokenPurpose !== purpose || !PURPOSES.includes(tokenPurpose) || !LINK_ID.test(linkId)) return undefined;
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return undefined;
  return { purpose, linkId, expiresAt };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
