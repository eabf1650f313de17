import { describe, expect, it } from 'vitest';
import { ZSesNotification, suppressionsFrom } from '../../shared/people/ses-notification.ts';

const parse = (value: unknown) => suppressionsFrom(ZSesNotification.parse(value));

describe('SES notifications to suppressions', () => {
  it('a permanent bounce (identity notification form) suppresses each bounced recipient', () => {
    const suppressions = parse({
      notificationType: 'Bounce',
      mail: { messageId: 'm-1' },
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'gone@customer.example' }, { emailAddress: 'old@customer.example', status: '5.1.1' }] },
    });
    expect(suppressions).toEqual([
      { email: 'gone@customer.example', reason: 'bounce', detail: 'Permanent/General' },
      { email: 'old@customer.example', reason: 'bounce', detail: 'Permanent/General' },
    ]);
  });

  it('a complaint (configuration-set event form, no mail object) suppresses the complainant', () => {
    expect(parse({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'angry@customer.example' }], complaintFeedbackType: 'abuse', userAgent: 'x' } })).toEqual([
      { email: 'angry@customer.example', reason: 'complaint', detail: 'abuse' },
    ]);
  });

  it('a transient bounce suppresses nobody: SES retries it', () => {
    expect(parse({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull', bouncedRecipients: [{ emailAddress: 'full@customer.example' }] } })).toEqual([]);
  });

  it('deliveries and unknown event types suppress nobody', () => {
    expect(parse({ eventType: 'Delivery', delivery: { recipients: ['ok@customer.example'] } })).toEqual([]);
    expect(parse({ eventType: 'SomethingNew' })).toEqual([]);
  });
});
