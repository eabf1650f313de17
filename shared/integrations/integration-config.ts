import * as z from '../platform/validation/zod.ts';
import { ZEventType } from './domain-events.ts';

const ZDestinationId = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, starting with a letter (at most 40)'));

/** A webhook: signed HTTPS POSTs of the chosen events, optionally only a department's. */
export const ZWebhookConfig = z.strictObject({
  /** Names the webhook's signing secret and its rule; changing it makes a new secret. */
  id: ZDestinationId,
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
  events: z.array(ZEventType).check(z.minLength(1)),
  /** Only events about this department (events that name no department are not sent). */
  departmentId: z.optional(z.string().check(z.minLength(1))),
});
export type TWebhookConfig = z.output<typeof ZWebhookConfig>;

/**
 * A chat channel reached through an incoming webhook: Slack (Block Kit) or Microsoft Teams
 * (Adaptive Card). It gets new complaints and the weekly headline, company-wide or for one
 * department. Its URL is a credential: it lives in Secrets Manager, never in this file.
 */
export const ZChatChannelConfig = z.strictObject({
  id: ZDestinationId,
  format: z.enum(['slack', 'teams']),
  departmentId: z.optional(z.string().check(z.minLength(1))),
});
export type TChatChannelConfig = z.output<typeof ZChatChannelConfig>;

const unique = <T extends { id: string }>(name: string) => z.refine<T[]>((list) => new Set(list.map((d) => d.id)).size === list.length, `${name} ids must be unique`);
export const ZWebhooksConfig = z._default(z.array(ZWebhookConfig).check(unique<TWebhookConfig>('webhook')), []);
export const ZChatConfig = z._default(z.array(ZChatChannelConfig).check(unique<TChatChannelConfig>('chat channel')), []);

/** The events a chat channel receives: new complaints, and the digest's weekly headline. */
export const CHAT_EVENT_TYPES = ['ComplaintOpened', 'DigestSent'] as const;
