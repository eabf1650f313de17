import * as z from '../platform/validation/zod.ts';
import { ZDomainEvent, ZEventType, type EventType, type TDomainEvent } from './domain-events.ts';
import { CHAT_EVENT_TYPES, type TChatChannelConfig, type TWebhookConfig } from './integration-config.ts';

/**
 * Where events are delivered, as the deliverer knows it: a webhook with the secret that signs
 * its deliveries, or a chat channel with the secret that holds its incoming-webhook URL.
 * `secret` is a Secrets Manager ARN in AWS and a file under `.data/` locally.
 */
export const ZDestination = z.discriminatedUnion('kind', [
  z.strictObject({ id: z.string(), kind: z.literal('webhook'), url: z.string(), secret: z.string() }),
  z.strictObject({ id: z.string(), kind: z.enum(['slack', 'teams']), secret: z.string(), departmentId: z.optional(z.string()) }),
]);
export type TDestination = z.output<typeof ZDestination>;
export const ZDestinations = z.array(ZDestination);

/** What a destination wants: the bus rule's pattern in AWS, the same filter locally. */
export interface DestinationRule {
  readonly id: string;
  readonly eventTypes: readonly EventType[];
  readonly departmentId?: string | undefined;
}

export function webhookRule(webhook: TWebhookConfig): DestinationRule {
  return { id: webhook.id, eventTypes: webhook.events, departmentId: webhook.departmentId };
}

export function chatRule(channel: TChatChannelConfig): DestinationRule {
  return { id: channel.id, eventTypes: CHAT_EVENT_TYPES, departmentId: channel.departmentId };
}

/** Whether `rule` wants `event`: its type is chosen, and it is about the rule's department when one is set. */
export function ruleMatches(rule: DestinationRule, event: TDomainEvent): boolean {
  if (!rule.eventTypes.includes(event.type)) return false;
  return rule.departmentId === undefined || ('departmentId' in event && event.departmentId === rule.departmentId);
}

/** One delivery: an event for one destination, as the bus rule's target (or the local bus) puts it on the queue. */
export const ZDeliveryMessage = z.looseObject({
  destination: z.string(),
  event: z.looseObject({ 'detail-type': z.optional(ZEventType), detail: ZDomainEvent }),
});
export type TDeliveryMessage = z.output<typeof ZDeliveryMessage>;
