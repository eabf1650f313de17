import { describe, expect, it } from 'vitest';
import { provesNotSent } from '../../shared/platform/mail/mailer.ts';

const answered = (status: number) => Object.assign(new Error('answered'), { $metadata: { httpStatusCode: status } });
const network = (code: string, name = 'Error') => Object.assign(new Error(code), { code, name });

describe('whether a failed SES call proves no email went out', () => {
  it.each([
    ['SES refused with throttling (400)', answered(400), true],
    ['SES refused with its own error (500)', answered(500), true],
    ['the connection was refused', network('ECONNREFUSED'), true],
    ['the host name did not resolve', network('ENOTFOUND'), true],
    // The message the SDK's node HTTP handler gives a connection timeout (set-connection-timeout.js).
    ['no connection within the connection timeout', Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 1000 ms.'), { name: 'TimeoutError' }), true],
    ['SES said 200 but the answer did not parse', answered(200), false],
    ['no answer within the request timeout', network('ETIMEDOUT', 'TimeoutError'), false],
    ['the connection was reset after the request went out', network('ECONNRESET'), false],
    ['anything else', new Error('odd'), false],
  ])('%s', (_case, error, proves) => {
    expect(provesNotSent(error)).toBe(proves);
  });
});
