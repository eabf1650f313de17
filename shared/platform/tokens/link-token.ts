import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed link tokens: `v1.<purpose>.<linkId>.<expiry>[.<scope>|.<grant>].<signature>`. The link id
 * is 128 random bits (opaque: it reveals no email), the expiry is epoch seconds, and the
 * signature is HMAC-SHA256 over the rest with the stack's secret. Answer links carry a scope
 * (questionnaire, wave, language) so an answer can be stored without first reading the
 * invitation: one write per response. Complaint links carry a grant instead (whom the link
 * was sent to), which the complaints feature interprets.
 */
export type LinkPurpose = 'answer' | 'unsubscribe' | 'complaint';

export interface LinkScope {
  questionnaireId: string;
  waveId: string;
  language: string;
}

export interface LinkClaims {
  purpose: LinkPurpose;
  linkId: string;
  expiresAt: number;
  scope?: LinkScope;
  /** Signed with the rest, opaque here: lowercase letters and digits, no `~`, so never taken for a scope. */
  grant?: string;
}

const SCOPE = /^([a-z0-9][a-z0-9-]{0,62})~(\d{4}-W\d{2})~([a-z]{2,3}(?:-[A-Za-z]{2})?)$/;

const GRANT = /^[a-z][a-z0-9]{0,15}$/;

const PURPOSES: readonly string[] = ['answer', 'unsubscribe', 'complaint'] satisfies LinkPurpose[];
const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

/** A fresh link id: 16 random bytes, base64url. */
export function newLinkId(): string {
  return randomBytes(16).toString('base64url');
}

export function signLink(claims: LinkClaims, secret: string): string {
  if (claims.grant !== undefined && !GRANT.test(claims.grant)) throw new Error('a link grant is lowercase letters and digits');
  const scope = claims.scope ? `.${claims.scope.questionnaireId}~${claims.scope.waveId}~${claims.scope.language}` : claims.grant ? `.${claims.grant}` : '';
  const body = `v1.${claims.purpose}.${claims.linkId}.${claims.expiresAt}${scope}`;
  return `${body}.${mac(body, secret)}`;
}

/**
 * The claims of a valid, unexpired token for `purpose`, or undefined. Every failure looks
 * the same to the caller, so a response cannot tell a forged link from an expired one.
 */
export function verifyLink(token: string, purpose: LinkPurpose, secret: string, nowSeconds: number): LinkClaims | undefined {
  if (token.length > 250) return undefined;
  const parts = token.split('.');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const signature = parts.pop()!;
  const [version, tokenPurpose, linkId, expiry, scopeText] = parts as [string, string, string, string, string | undefined];
  const expected = Buffer.from(mac(parts.join('.'), secret));
  const given = Buffer.from(signature);
  // Constant-time comparison, so response timing leaks nothing about the right signature.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expiresAt = Number(expiry);
  if (version !== 'v1' || tokenPurpose !== purpose || !PURPOSES.includes(tokenPurpose) || !LINK_ID.test(linkId)) return undefined;
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return undefined;
  if (scopeText === undefined) return { purpose, linkId, expiresAt };
  if (GRANT.test(scopeText)) return { purpose, linkId, expiresAt, grant: scopeText };
  const scope = SCOPE.exec(scopeText);
  if (!scope) return undefined;
  return { purpose, linkId, expiresAt, scope: { questionnaireId: scope[1]!, waveId: scope[2]!, language: scope[3]! } };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
