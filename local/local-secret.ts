import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local stack's link-signing secret: made once and kept under `.data/`, so links in
 * mail sent before a restart keep working (`feedback rotate-link-key` rewrites it as a
 * keyring). The deployed stack uses Secrets Manager.
 */
export function localLinkSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Replaces the local secret's text (after a rotation), readable by this user only. */
export function writeLocalLinkSecret(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
}
