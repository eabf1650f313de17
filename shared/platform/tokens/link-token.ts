import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { FIRST_KEY_ID, keyById, parseKeyring, signingKey, type LinkKeyring } from './link-keys.ts';

/**
 * Signed link tokens: `v2.<keyId>.<purpose>.<linkId>.<expiry>[.<scope>|.<grant>].<signature>`. The
 * link id is 128 random bits (opaque: it reveals no email), the expiry is epoch seconds, and
 * the signature is HMAC-SHA256 over the rest with the key the token names (see link-keys.ts:
 * naming the key is what lets the secret be rotated while older links still verify). Tokens
 * from before key ids (`v1.…`, no key id) were signed with the first key. Answer links carry a
 * scope (questionnaire, wave, language, and which values it asks) so an answer can be stored without first reading the
 * invitation: one write per response. Complaint links carry a grant instead (whom the link
 * was sent to), which the complaints feature interprets. For anonymous questionnaires the
 * scope also carries a random response id, which keys the response and is stored nowhere
 * else: the invitation never learns it, so nothing stored joins the two.
 */
export type LinkPurpose = 'answer' | 'unsubscribe' | 'complaint' | 'dashboard';

export interface LinkScope {
  questionnaireId: string;
  waveId: string;
  language: string;
  /** Anonymous questionnaires only: the id the response is stored under (128 random bits, never on the invitation). */
  responseId?: string;
  /** Which of the questionnaire's questions the link asks, as a bitmask the feature interprets (absent: all of them). */
  shown?: number;
}

export interface LinkClaims {
  purpose: LinkPurpose;
  linkId: string;
  expiresAt: number;
  scope?: LinkScope;
  /**
   * Signed with the rest, opaque here: a lowercase letter, then base64url characters (a
   * dashboard link's grant names its scope), never `~` or `.`, so never taken for a scope.
   */
  grant?: string;
}

const SCOPE = /^([a-z0-9][a-z0-9-]{0,62})~(\d{4}-W\d{2})~([a-z]{2,3}(?:-[A-Za-z]{2})?)(?:~([A-Za-z0-9_-]{22}))?(?:~s([0-9a-f]{1,8}))?$/;

const GRANT = /^[a-z][A-Za-z0-9_-]{0,159}$/;

const PURPOSES: readonly string[] = ['answer', 'unsubscribe', 'complaint', 'dashboard'] satisfies LinkPurpose[];
/** Longer tokens are refused unread; signing one that long is an error, not a dead link. */
const MAX_TOKEN_LENGTH = 250;
const LINK_ID = /^[A-Za-z0-9_-]{22}$/;

/** A fresh link id: 16 random bytes, base64url. */
export function newLinkId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * A token for `claims`, signed with the key active at `nowSeconds`. `secret` is the
 * link-signing secret's text: one key, or the keyring rotation leaves.
 */
export function signLink(claims: LinkClaims, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  if (claims.grant !== undefined && !GRANT.test(claims.grant)) throw new Error('a link grant is a lowercase letter, then letters, digits, - or _');
  const key = signingKey(keyringOf(secret), nowSeconds);
  if (claims.scope?.responseId !== undefined && !LINK_ID.test(claims.scope.responseId)) throw new Error('a response id is 16 random bytes, base64url');
  const shown = claims.scope?.shown;
  if (shown !== undefined && (!Number.isSafeInteger(shown) || shown <= 0 || shown > 0xffffffff)) throw new Error('a link\'s shown questions are a positive 32-bit mask');
  const responseId = claims.scope?.responseId ? `~${claims.scope.responseId}` : '';
  const mask = shown !== undefined ? `~s${shown.toString(16)}` : '';
  const scope = claims.scope ? `.${claims.scope.questionnaireId}~${claims.scope.waveId}~${claims.scope.language}${responseId}${mask}` : claims.grant ? `.${claims.grant}` : '';
  const body = `v2.${key.id}.${claims.purpose}.${claims.linkId}.${claims.expiresAt}${scope}`;
  const token = `${body}.${mac(body, key.secret)}`;
  if (token.length > MAX_TOKEN_LENGTH) throw new Error(`a link token may be at most ${MAX_TOKEN_LENGTH} characters`);
  return token;
}

/**
 * The claims of a valid, unexpired token for `purpose`, or undefined. Every failure looks
 * the same to the caller, so a response cannot tell a forged link from an expired one.
 */
export function verifyLink(token: string, purpose: LinkPurpose, secret: string, nowSeconds: number): LinkClaims | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  const version = parts[0];
  // v1 tokens name no key: they were signed with the first one.
  const keyId = version === 'v2' ? parts[1] : version === 'v1' ? FIRST_KEY_ID : undefined;
  const fields = parts.slice(version === 'v2' ? 2 : 1, -1);
  if (keyId === undefined || (fields.length !== 3 && fields.length !== 4)) return undefined;
  const key = keyById(keyringOf(secret), keyId);
  if (!key) return undefined;
  const signature = parts.at(-1)!;
  const [tokenPurpose, linkId, expiry, scopeText] = fields as [string, string, string, string | undefined];
  const expected = Buffer.from(mac(parts.slice(0, -1).join('.'), key.secret));
  const given = Buffer.from(signature);
  // Constant-time comparison, so response timing leaks nothing about the right signature.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const expiresAt = Number(expiry);
  if (tokenPurpose !== purpose || !PURPOSES.includes(tokenPurpose) || !LINK_ID.test(linkId)) return undefined;
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= nowSeconds) return undefined;
  if (scopeText === undefined) return { purpose, linkId, expiresAt };
  if (GRANT.test(scopeText)) return { purpose, linkId, expiresAt, grant: scopeText };
  const scope = SCOPE.exec(scopeText);
  if (!scope) return undefined;
  return { purpose, linkId, expiresAt, scope: { questionnaireId: scope[1]!, waveId: scope[2]!, language: scope[3]!, ...(scope[4] ? { responseId: scope[4] } : {}), ...(scope[5] ? { shown: parseInt(scope[5], 16) } : {}) } };
}

/** Parsed once per secret text: a container verifies many links with the same few keys. */
const keyrings = new Map<string, LinkKeyring>();
function keyringOf(secret: string): LinkKeyring {
  let ring = keyrings.get(secret);
  if (!ring) {
    ring = parseKeyring(secret);
    if (keyrings.size >= 4) keyrings.clear();
    keyrings.set(secret, ring);
  }
  return ring;
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
