import type { TDomainEvent } from './domain-events.ts';

/**
 * Where published events go. In AWS nothing implements it in our code: the publisher is the
 * enrichment step of an EventBridge pipe, and the pipe puts what it returns on the bus (the
 * project has no EventBridge client, and needs none). The local stack's bus implements it,
 * applying each destination's rule; a direct PutEvents implementation would too.
 */
export interface EventBus {
  put(events: readonly TDomainEvent[]): Promise<void>;
}
