import { describe, expect, it } from 'vitest';
import type { SNSEvent } from 'aws-lambda';
import { createMailEventsHandler } from '../../functions/mail-events/mail-events.ts';
import { isSuppressed } from '../../shared/people/suppression-store.ts';
import { createLogger } from '../../shared/platform/observability/logger.ts';
import { freshTable } from '../support/test-table.ts';

/** An SNS delivery as Lambda receives it, wrapping SES notification bodies. */
function snsEvent(...messages: Array<object | string>): SNSEvent {
  return {
    Records: messages.map((message, i) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:eu-west-1:111122223333:mail-events:sub',
      Sns: {
        Type: 'Notification',
        MessageId: `msg-${i}`,
        TopicArn: 'arn:aws:sns:eu-west-1:111122223333:mail-events',
        Subject: null as unknown as string,
        Message: typeof message === 'string' ? message : JSON.stringify(message),
        Timestamp: '2026-11-23T09:00:00.000Z',
        SignatureVersion: '1',
        Signature: 'sig',
        SigningCertUrl: 'https://sns.example/cert.pem',
        UnsubscribeUrl: 'https://sns.example/unsubscribe',
        MessageAttributes: {},
      },
    })),
  };
}

const bounce = (email: string, bounceType = 'Permanent') => ({
  eventType: 'Bounce',
  bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email, status: '5.1.1' }], timestamp: '2026-11-23T09:00:00.000Z' },
  mail: { messageId: 'ses-1', destination: [email] },
});

describe('SES mail events (SNS → mail-events → DynamoDB Local)', () => {
  it('suppresses permanent bounces and complaints once, however often SES delivers them', async () => {
    const table = await freshTable();
    const lines: string[] = [];
    const handler = createMailEventsHandler({ table, now: () => new Date('2026-11-23T09:01:00Z'), log: createLogger({ write: (l) => lines.push(l) }) });

    const complaint = { notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'Angry@Customer.example' }] } };
    expect(await handler(snsEvent(bounce('gone@customer.example'), complaint, bounce('full@customer.example', 'Transient')))).toEqual({ suppressed: 2 });
    expect(await handler(snsEvent(bounce('gone@customer.example'), complaint))).toEqual({ suppressed: 0 });

    expect(await isSuppressed(table, 'gone@customer.example')).toBe(true);
    expect(await isSuppressed(table, 'angry@customer.example')).toBe(true);
    expect(await isSuppressed(table, 'full@customer.example')).toBe(false);
    expect(lines.join('\n')).not.toContain('@');
  });

  it('drops a message that is not an SES notification without failing the others', async () => {
    const table = await freshTable();
    const handler = createMailEventsHandler({ table, now: () => new Date(), log: createLogger({ write: () => undefined }) });
    expect(await handler(snsEvent('not json at all', bounce('later@customer.example')))).toEqual({ suppressed: 1 });
  });
});
