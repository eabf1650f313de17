import { randomUUID } from 'node:crypto';
import type { SNSEvent, SQSEvent } from 'aws-lambda';
import type { Mailer } from '../shared/platform/mail/mailer.ts';
import { LocalQueue } from './local-queue.ts';

/**
 * SES's mailbox simulator, played locally. Mail to `bounce@simulator.amazonses.com` and
 * `complaint@simulator.amazonses.com` (a `+label` is allowed, as SES allows) comes back from
 * SES as a hard bounce or a complaint through the configuration set's event destination;
 * here the same event-publishing notification is handed, as SNS would hand it, to the
 * mail-events handler, so the suppression path runs on one machine too.
 */
const SIMULATOR = /^(success|bounce|complaint|ooto|suppressionlist)(\+[^@]*)?@simulator\.amazonses\.com$/i;

export type SimulatedOutcome = 'success' | 'bounce' | 'complaint' | 'ooto' | 'suppressionlist';

/** What the simulator does with mail to `address`, or undefined for an ordinary address. */
export function simulatorOutcome(address: string): SimulatedOutcome | undefined {
  return SIMULATOR.exec(address.trim())?.[1]?.toLowerCase() as SimulatedOutcome | undefined;
}

/** The SES event-publishing notification the simulator causes for mail to `address`, if any. */
export function simulatedNotification(address: string, mail: { messageId: string; source: string; at: Date }): Record<string, unknown> | undefined {
  const outcome = simulatorOutcome(address);
  const timestamp = mail.at.toISOString();
  const sent = { timestamp, source: mail.source, messageId: mail.messageId, destination: [address] };
  if (outcome === 'bounce') {
    return {
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: address, action: 'failed', status: '5.1.1' }], timestamp },
      mail: sent,
    };
  }
  if (outcome === 'complaint') {
    return { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: address }], complaintFeedbackType: 'abuse', timestamp }, mail: sent };
  }
  return undefined;
}

/** The recipients and sender of a raw MIME message, read from its headers. */
export function envelopeOf(raw: Buffer): { to: string[]; from: string } {
  const head = raw.toString('utf8').split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => head.split(/\r?\n/).filter((line) => line.toLowerCase().startsWith(`${name}:`)).map((line) => line.slice(name.length + 1));
  const addresses = (values: string[]) => values.flatMap((value) => [...value.matchAll(/[^\s<>,"]+@[^\s<>,"]+/g)].map((m) => m[0]));
  return { to: addresses([...header('to'), ...header('cc')]), from: addresses(header('from'))[0] ?? '' };
}

export interface MailboxSimulator {
  /** The mailer with the simulator in front of it. */
  readonly mailer: Mailer;
  /** The SNS subscription's delivery: a queue, so its events are waited for like the other work. */
  readonly events: LocalQueue<Record<string, unknown>>;
}

/**
 * Wraps a mailer: after SES (the emulator) took a message, each simulator bounce or complaint
 * recipient produces its notification, delivered to `onEvent` (the mail-events handler) in
 * an SNS-shaped event. With `onEvent` absent, the events are published to nobody: as in AWS
 * with no subscriber, they are lost.
 */
export function mailboxSimulator(inner: Mailer, onEvent: ((event: SNSEvent) => Promise<unknown>) | undefined, options: { visibilityTimeoutMs?: number } = {}): MailboxSimulator {
  const events = new LocalQueue<Record<string, unknown>>(
    async (event: SQSEvent) => {
      if (!onEvent) return;
      await onEvent({ Records: event.Records.map((record) => snsRecord(record.messageId, record.body)) });
    },
    { name: 'mail-events', ...(options.visibilityTimeoutMs ? { visibilityTimeoutMs: options.visibilityTimeoutMs } : {}) },
  );
  return {
    events,
    mailer: {
      async sendRaw(raw) {
        const result = await inner.sendRaw(raw);
        const { to, from } = envelopeOf(raw);
        const notifications = to.map((address) => simulatedNotification(address, { messageId: result.messageId, source: from, at: new Date() })).filter((n) => n !== undefined);
        if (notifications.length > 0) await events.send(notifications);
        return result;
      },
    },
  };
}

/** An SNS record as Lambda receives it from a topic; only the fields the handler reads are real. */
function snsRecord(id: string, message: string): SNSEvent['Records'][number] {
  return {
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: 'arn:aws:sns:local:000000000000:mail-events:local',
    Sns: {
      Type: 'Notification',
      MessageId: id || randomUUID(),
      TopicArn: 'arn:aws:sns:local:000000000000:mail-events',
      Subject: '',
      Message: message,
      Timestamp: new Date().toISOString(),
      SignatureVersion: '1',
      Signature: '',
      SigningCertUrl: '',
      UnsubscribeUrl: '',
      MessageAttributes: {},
    },
  };
}
