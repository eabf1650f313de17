import { describe, expect, it } from 'vitest';
import { buildMime } from '../../shared/platform/mail/mime.ts';

/** The header lines of a raw message, unfolded, with RFC 2047 encoded words decoded. */
function decodedHeaders(raw: string): string[] {
  const block = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return block.split('\r\n').map((line) => line.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  ));
}

// C0 and C1 controls, DEL, the bidi embeddings, overrides, isolates and marks, and the Unicode line separators.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const HOSTILE = [
  ['a right-to-left override (an invoice.exe spelled backwards)', 'Complaint: Eve \u202Eexe.eciovni'],
  ['a left-to-right override and a pop', 'Complaint: \u202DEve\u202C (Repairs)'],
  ['bidi isolates and marks', 'Complaint: \u2067Eve\u2069 \u200F\u200E\u061C(Repairs)'],
  ['a bell, a backspace, an escape and a NUL', 'Complaint: Eve\u0007\u0008\u001B[31m\u0000 (Repairs)'],
  ['C1 controls and DEL', 'Complaint: Eve\u0085\u009B\u007F (Repairs)'],
  ['line and paragraph separators, tabs and newlines', 'Complaint:\u2028Eve\u2029\t(Repairs)\r\nBcc: victim@example.com'],
] as const;

describe('mail headers carry no control or bidi characters', () => {
  it.each(HOSTILE)('a subject with %s reads cleanly', async (_name, subject) => {
    const raw = (await buildMime({ subject, text: 'x', html: '<p>x</p>', from: 'Acme <feedback@acme.example>', to: 'eve@customer.example' })).toString();
    const headers = decodedHeaders(raw);
    expect(headers.filter((line) => FORBIDDEN.test(line))).toEqual([]);
    expect(headers.filter((line) => /^Bcc:/i.test(line))).toEqual([]);
    expect(headers).toContainEqual(expect.stringMatching(/^Subject: Complaint: .*Eve/));
  });

  it.each(HOSTILE)('a sender or recipient name with %s reads cleanly', async (_name, text) => {
    // Address syntax gives ":" and "()" meanings of their own: a name is the hostile part alone.
    const name = text.replace(/^Complaint:|\(Repairs\)|Bcc: victim@example.com/g, '');
    const raw = (await buildMime({ subject: 'Hello', text: 'x', html: '<p>x</p>', from: `${name} <feedback@acme.example>`, to: `${name} <eve@customer.example>` })).toString();
    const headers = decodedHeaders(raw);
    expect(headers.filter((line) => FORBIDDEN.test(line))).toEqual([]);
    expect(headers).toContainEqual(expect.stringMatching(/^From: .*<feedback@acme\.example>$/));
    expect(headers).toContainEqual(expect.stringMatching(/^To: .*<eve@customer\.example>$/));
  });

  it('keeps ordinary letters of every script, accents and emoji', async () => {
    const subject = 'Café Zoë — שלום مرحبا 日本 👍';
    const raw = (await buildMime({ subject, text: 'x', html: '<p>x</p>', from: 'Acme <feedback@acme.example>', to: 'eve@customer.example' })).toString();
    expect(decodedHeaders(raw)).toContain(`Subject: ${subject}`);
  });
});
