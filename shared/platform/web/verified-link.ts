import { verifyLink, type LinkClaims, type LinkPurpose } from '../tokens/link-token.ts';

/** The claims of a link token for `purpose`, checked against the secret and the clock; undefined for any bad link. */
export async function verifiedLink(deps: { linkSecret: () => Promise<string>; now: () => Date }, token: string | undefined, purpose: LinkPurpose): Promise<LinkClaims | undefined> {
  return verifyLink(token ?? '', purpose, await deps.linkSecret(), Math.floor(deps.now().getTime() / 1000));
}
