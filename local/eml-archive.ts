import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mailer } from '../shared/platform/mail/mailer.ts';

/**
 * Keeps a raw `.eml` copy of every message sent on the local stack: the SES emulator drops
 * custom headers (List-Unsubscribe), and a user can open the file in a mail client to see
 * exactly what a customer would receive.
 */
export function archivingMailer(inner: Mailer, dir: string): Mailer {
  mkdirSync(dir, { recursive: true });
  return {
    async sendRaw(raw) {
      const result = await inner.sendRaw(raw);
      const safeId = result.messageId.replace(/[^A-Za-z0-9-]/g, '_');
      writeFileSync(join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`), raw);
      return result;
    },
  };
}
