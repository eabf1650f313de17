import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../shared/integrations/webhook-signature.ts';
import { chatShows, escapeSlack, slackMessage, teamsMessage } from '../../shared/integrations/chat-messages.ts';
import { DELIVERY_ATTEMPTS, retryDelaySeconds, RETRY_FOR_SECONDS } from '../../shared/integrations/retry-schedule.ts';
import { ruleMatches } from '../../shared/integrations/destinations.ts';
import type { EventOf } from '../../shared/integrations/domain-events.ts';
import { ZDeploymentConfig } from '../../shared/deployment/deployment-config.ts';
import { demoConfig } from '../support/factories.ts';

const secret = 'k'.repeat(48);
const now = 1_800_000_000;

describe('webhook signatures', () => {
  it('verify over timestamp and body with the webhook’s secret, and fail for any other body, secret or a stale timestamp', () => {
    const body = '{"type":"ComplaintOpened"}';
    const header = signWebhook(secret, now, body);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, header, body, now + 10)).toBe(true);
    expect(verifyWebhook(secret, header, `${body} `, now)).toBe(false);
    expect(verifyWebhook('x'.repeat(48), header, body, now)).toBe(false);
    expect(verifyWebhook(secret, header, body, now + 301)).toBe(false);
    // The timestamp is signed: moving it to look fresh breaks the signature.
    expect(verifyWebhook(secret, header.replace('t=1800000000', 't=1800000500'), body, now + 500)).toBe(false);
    expect(verifyWebhook(secret, undefined, body, now)).toBe(false);
    expect(verifyWebhook(secret, 't=1,v1=zz', body, now)).toBe(false);
  });
});

const complaint: EventOf<'ComplaintOpened'> = {
  type: 'ComplaintOpened',
  version: 1,
  eventId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  occurredAt: '2026-11-30T10:00:00.000Z',
  complaintId: 'abc',
  questionnaireId: 'customer-service',
  waveId: '2026-W48',
  departmentId: 'sales',
  reasons: ['requested'],
  headlineScore: 2,
  lowValues: [{ valueId: 'price', performance: 1 }],
  comment: 'Call <@U0123> & <!channel> <https://evil.example|click> **now** [x](https://evil.example)',
  customer: null,
  acknowledgeBy: '2026-11-30T14:00:00.000Z',
  resolveBy: '2026-12-02T10:00:00.000Z',
};
const links = { acknowledge: 'https://api.example/complaints/t?action=acknowledge', open: 'https://api.example/complaints/t' };

describe('chat messages', () => {
  it('Slack: Block Kit with the score, the low values, the escaped comment and the two links; no mention or link survives from the comment', () => {
    type Block = { type: string; text?: { type: string; text: string }; elements?: Array<{ text?: string }> };
    const message = slackMessage(complaint, { businessName: 'Acme & Co', complaintLinks: links }) as { text: string; blocks: Block[] };
    const section = message.blocks[0]!.text!.text;
    expect(message.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    expect(section).toContain('score 2; rated low: price 1/5');
    expect(section).toContain('Call &lt;@U0123&gt; &amp; &lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect(JSON.stringify(message)).not.toMatch(/<[@!#]|<https/);
    expect(message.blocks[1]).toEqual({
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, style: 'primary', url: links.acknowledge },
        { type: 'button', text: { type: 'plain_text', text: 'Open the complaint' }, url: links.open },
      ],
    });
    expect(message.blocks[2]!.elements![0]!.text).toContain('Acme &amp; Co');
    expect(escapeSlack('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
  });

  it('names a value rated low by its label when the questionnaire is known, in Slack and in Teams', () => {
    const valueLabel = (id: string) => (id === 'price' ? 'Price and value for money' : undefined);
    expect(JSON.stringify(slackMessage(complaint, { businessName: 'Acme', valueLabel }))).toContain('rated low: Price and value for money 1/5');
    expect(JSON.stringify(teamsMessage(complaint, { businessName: 'Acme', valueLabel }))).toContain('rated low: Price and value for money 1/5');
  });

  it('Teams: an Adaptive Card in a message envelope, the comment in a TextRun (no markdown), links as OpenUrl actions', () => {
    const message = teamsMessage(complaint, { businessName: 'Acme', complaintLinks: links }) as { type: string; attachments: Array<{ contentType: string; content: Record<string, unknown> }> };
    expect(message.type).toBe('message');
    const [attachment] = message.attachments;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    const body = attachment!.content['body'] as Array<{ type: string; inlines: Array<{ type: string; text: string }> }>;
    expect(body.every((block) => block.type === 'RichTextBlock' && block.inlines.every((inline) => inline.type === 'TextRun'))).toBe(true);
    expect(body.some((block) => block.inlines[0]!.text === complaint.comment)).toBe(true);
    expect(attachment!.content['actions']).toEqual([
      { type: 'Action.OpenUrl', title: 'Acknowledge', url: links.acknowledge },
      { type: 'Action.OpenUrl', title: 'Open the complaint', url: links.open },
    ]);
  });

  it('the weekly headline goes to the channel of its scope; other events are not shown', () => {
    const digest: EventOf<'DigestSent'> = { type: 'DigestSent', version: 1, eventId: complaint.eventId, occurredAt: complaint.occurredAt, questionnaireId: 'q', scope: 'company', departmentId: null, period: '2026-W47' };
    expect((slackMessage(digest, { businessName: 'Acme', headline: { kind: 'nps', score: 41.7, responses: 120 } }) as { text: string }).text).toBe('Weekly digest for the company, 2026-W47: NPS 42 from 120 responses');
    expect(chatShows(digest, undefined)).toBe(true);
    expect(chatShows(digest, 'sales')).toBe(false);
    expect(chatShows({ ...digest, scope: 'department', departmentId: 'sales' }, 'sales')).toBe(true);
    expect(chatShows({ ...digest, scope: 'staff' }, undefined)).toBe(false);
    expect(chatShows(complaint, 'support')).toBe(false);
    const resolved = { type: 'ComplaintResolved', version: 1, eventId: complaint.eventId, occurredAt: complaint.occurredAt, complaintId: 'abc', questionnaireId: 'q', waveId: 'w', departmentId: 'sales' } as const;
    expect(slackMessage(resolved, { businessName: 'Acme' })).toBeUndefined();
    expect(teamsMessage(resolved, { businessName: 'Acme' })).toBeUndefined();
  });
});

describe('delivery rules and retries', () => {
  it('a rule takes its chosen types, and with a department only events about that department', () => {
    expect(ruleMatches({ id: 'a', eventTypes: ['ComplaintOpened'] }, complaint)).toBe(true);
    expect(ruleMatches({ id: 'a', eventTypes: ['ComplaintResolved'] }, complaint)).toBe(false);
    expect(ruleMatches({ id: 'a', eventTypes: ['ComplaintOpened'], departmentId: 'support' }, complaint)).toBe(false);
    const unsubscribed = { type: 'ContactUnsubscribed', version: 1, eventId: complaint.eventId, occurredAt: complaint.occurredAt, email: 'a@b.example' } as const;
    expect(ruleMatches({ id: 'a', eventTypes: ['ContactUnsubscribed'], departmentId: 'sales' }, unsubscribed)).toBe(false);
  });

  it('backs off from 30 s, doubling to an hour, and gives up only after a day', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(50)).toBe(3_600);
    const waited = Array.from({ length: DELIVERY_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1)).reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(RETRY_FOR_SECONDS);
    expect(waited - retryDelaySeconds(DELIVERY_ATTEMPTS - 1)).toBeLessThan(RETRY_FOR_SECONDS);
  });
});

describe('the webhooks and chat config', () => {
  const withIntegrations = (integrations: Record<string, unknown>) => ZDeploymentConfig.safeParse({ ...structuredClone(demoConfig), ...integrations });

  it('defaults to none, and takes https webhooks with known event types and Slack or Teams channels', () => {
    expect(demoConfig.webhooks).toEqual([]);
    expect(demoConfig.chat).toEqual([]);
    const parsed = withIntegrations({ webhooks: [{ id: 'crm', url: 'https://crm.example/hook', events: ['ComplaintOpened'], departmentId: 'sales' }], chat: [{ id: 'team', format: 'teams' }] });
    expect(parsed.success).toBe(true);
  });

  it.each([
    [{ webhooks: [{ id: 'crm', url: 'http://crm.example/hook', events: ['ComplaintOpened'] }] }, 'https'],
    [{ webhooks: [{ id: 'crm', url: 'https://crm.example/hook', events: ['ComplaintClosed'] }] }, 'events'],
    [{ webhooks: [{ id: 'crm', url: 'https://crm.example/hook', events: [] }] }, 'events'],
    [{ webhooks: [{ id: 'Bad Id', url: 'https://crm.example/hook', events: ['ComplaintOpened'] }] }, 'id'],
    [{ chat: [{ id: 'a', format: 'discord' }] }, 'format'],
    [{ chat: [{ id: 'a', format: 'slack', url: 'https://hooks.example/x' }] }, 'url'],
    [{ chat: [{ id: 'a', format: 'slack' }, { id: 'a', format: 'teams' }] }, 'unique'],
  ])('refuses %j (%s)', (integrations, word) => {
    const parsed = withIntegrations(integrations);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(word);
  });
});
