import * as z from '../validation/zod.ts';

/**
 * The keys that sign links, as the link-signing secret holds them. A secret that is a plain
 * string (as the stack first generates it) is one key, `k0`; after `feedback rotate-link-key`
 * it is JSON listing every key still needed. Each key becomes the signing key at
 * `activeFrom`, a while after it is written, so every running function has read it (they
 * re-read the secret every few minutes) before any link signed with it can arrive.
 */
export interface LinkKey {
  readonly id: string;
  readonly secret: string;
  /** Epoch seconds from which new links are signed with this key. */
  readonly activeFrom: number;
}
export interface LinkKeyring {
  /** Oldest first. */
  readonly keys: readonly LinkKey[];
}

/** The id a plain-string secret's key has, and the key tokens without a key id (v1) were signed with. */
export const FIRST_KEY_ID = 'k0';
const MIN_SECRET_LENGTH = 32;

const ZKeyId = z.string().check(z.regex(/^k\d{1,6}$/));
const ZLinkKeyring = z.strictObject({
  keys: z
    .array(z.strictObject({ id: ZKeyId, secret: z.string().check(z.minLength(MIN_SECRET_LENGTH)), activeFrom: z.int().check(z.minimum(0)) }))
    .check(z.minLength(1)),
});

export class InvalidKeyringError extends Error {}

/** The keyring a secret's text holds: a plain string is one key; JSON is the rotated ring. */
export function parseKeyring(text: string): LinkKeyring {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) {
    if (trimmed.length < MIN_SECRET_LENGTH) throw new InvalidKeyringError('the link-signing secret is empty or too short');
    return { keys: [{ id: FIRST_KEY_ID, secret: trimmed, activeFrom: 0 }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw new InvalidKeyringError('the link-signing secret is neither a key nor a JSON keyring');
  }
  const parsed = ZLinkKeyring.safeParse(json);
  // Never echo the secret's content in the error.
  if (!parsed.success) throw new InvalidKeyringError('the link-signing secret is not a valid keyring (keys: [{ id, secret, activeFrom }])');
  const keys = [...parsed.data.keys].sort((a, b) => a.activeFrom - b.activeFrom);
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new InvalidKeyringError('the link-signing keyring names a key twice');
  return { keys };
}

export function serializeKeyring(ring: LinkKeyring): string {
  return JSON.stringify({ keys: ring.keys });
}

/** The key new links are signed with at `nowSeconds`: the newest one already active. */
export function signingKey(ring: LinkKeyring, nowSeconds: number): LinkKey {
  const active = ring.keys.filter((key) => key.activeFrom <= nowSeconds);
  return active.at(-1) ?? ring.keys[0]!;
}

export function keyById(ring: LinkKeyring, id: string): LinkKey | undefined {
  return ring.keys.find((key) => key.id === id);
}

export interface RotationPlan {
  readonly ring: LinkKeyring;
  readonly added: LinkKey;
  /** Keys dropped because every link they signed has expired. */
  readonly removed: readonly string[];
}

/**
 * A new key, active `activationDelaySeconds` from now; keys whose successor has been active
 * for longer than the longest a link lives are dropped, since nothing they signed still verifies.
 */
export function rotateKeyring(ring: LinkKeyring, options: { nowSeconds: number; newSecret: string; activationDelaySeconds: number; longestLinkSeconds: number }): RotationPlan {
  if (options.newSecret.length < MIN_SECRET_LENGTH) throw new InvalidKeyringError('a new link-signing key must be at least 32 characters');
  const nextNumber = Math.max(...ring.keys.map((key) => Number(key.id.slice(1)))) + 1;
  const added: LinkKey = { id: `k${nextNumber}`, secret: options.newSecret, activeFrom: options.nowSeconds + options.activationDelaySeconds };
  const keys = [...ring.keys, added];
  const kept = keys.filter((key, index) => {
    const successor = keys[index + 1];
    return !successor || successor.activeFrom + options.longestLinkSeconds >= options.nowSeconds;
  });
  const removed = keys.filter((key) => !kept.includes(key)).map((key) => key.id);
  return { ring: { keys: kept }, added, removed };
}
