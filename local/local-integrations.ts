import { loadQuestionnaires } from '../shared/questionnaires/load-questionnaires.ts';
import { join } from 'node:path';
import type { SQSBatchResponse } from 'aws-lambda';
import type { TDeploymentConfig } from '../shared/deployment/deployment-config.ts';
import type { Logger } from '../shared/platform/observability/logger.ts';
import { openTable, type Table } from '../shared/platform/table/table-client.ts';
import { EVENT_TYPES } from '../shared/integrations/domain-events.ts';
import type { EventBus } from '../shared/integrations/event-bus.ts';
import { chatRule, ruleMatches, webhookRule, type DestinationRule, type TDeliveryMessage, type TDestination } from '../shared/integrations/destinations.ts';
import { fetchPost } from '../shared/integrations/deliver-event.ts';
import { complaintLinksFrom, headlineFrom } from '../shared/integrations/chat-lookups.ts';
import { storedChangeLookups } from '../shared/integrations/change-lookups.ts';
import { DELIVERY_ATTEMPTS } from '../shared/integrations/retry-schedule.ts';
import { createEventPublisher } from '../functions/event-publisher/event-publisher.ts';
import { createWebhookDeliverer } from '../functions/webhook-deliverer/webhook-deliverer.ts';
import { captureChanges, type CapturedChange } from './change-capture.ts';
import { LocalQueue } from './local-queue.ts';
import { localLinkSecret } from './local-secret.ts';

export interface LocalIntegrationsOptions {
  readonly config: TDeploymentConfig;
  /** The table the pipeline writes through: its writes are captured as the stream. */
  readonly table: Table;
  readonly dynamodbEndpoint: string;
  /** Every webhook and channel is delivered here locally, so nothing leaves the machine. */
  readonly receiverUrl: string;
  /** Where each webhook's signing secret is kept (`<dir>/<id>`). */
  readonly secretDir: string;
  readonly publicBaseUrl: string;
  readonly linkSecret: string;
  readonly log: Logger;
  /** How long a failed delivery waits before its retry. @default 2000 */
  readonly retryAfterMs?: number;
}

/** A webhook for every event and a Slack-format channel, both at the receiver: what a new user sees arrive. */
export const DEMO_DESTINATIONS = {
  webhooks: [{ id: 'demo-webhook', url: 'https://receiver.local/', events: [...EVENT_TYPES] }],
  chat: [{ id: 'demo-slack', format: 'slack' }],
} satisfies Pick<TDeploymentConfig, 'webhooks' | 'chat'>;

export interface LocalIntegrations {
  /** Deliveries that failed every attempt, as the dead-letter queue would hold them. */
  deadLetters(): Array<{ body: TDeliveryMessage; receiveCount: number }>;
  /** Waits until every captured change is published and every delivery settled. */
  drained(): Promise<void>;
  close(): void;
}

/**
 * Events and deliveries on one machine, with the same publisher and deliverer code as in
 * AWS: captured table changes → publisher → a local bus applying each destination's rule →
 * an in-process delivery queue (retries after `retryAfterMs`, dead letters after as many
 * receives as in AWS) → deliverer → the local receiver.
 */
export function startLocalIntegrations(options: LocalIntegrationsOptions): LocalIntegrations {
  const log = options.log.child({ function: 'integrations' });
  // The deliverer's own reads and writes (disabled destinations) are not part of the captured stream.
  const table = openTable(options.table.name, { endpoint: options.dynamodbEndpoint });
  const webhooks = [...DEMO_DESTINATIONS.webhooks, ...options.config.webhooks];
  const chat: TDeploymentConfig['chat'] = [...DEMO_DESTINATIONS.chat, ...options.config.chat];
  const rules: DestinationRule[] = [...webhooks.map(webhookRule), ...chat.map(chatRule)];
  const destinations: TDestination[] = [
    ...webhooks.map((w) => ({ id: w.id, kind: 'webhook' as const, url: `${options.receiverUrl}/webhooks/${w.id}`, secret: join(options.secretDir, w.id) })),
    ...chat.map((c) => ({ id: c.id, kind: c.format, secret: `${options.receiverUrl}/${c.format}/${c.id}`, ...(c.departmentId ? { departmentId: c.departmentId } : {}) })),
  ];
  const now = () => new Date();
  const deliverer = createWebhookDeliverer({
    table,
    destinations: new Map(destinations.map((d) => [d.id, d])),
    // Locally a webhook's secret is a file under .data/, and a channel's "secret" is its receiver URL.
    secretOf: (d) => Promise.resolve(d.kind === 'webhook' ? localLinkSecret(d.secret) : d.secret),
    post: fetchPost(5_000),
    businessName: options.config.businessName,
    complaintLinks: complaintLinksFrom({ publicBaseUrl: options.publicBaseUrl, linkSecret: () => Promise.resolve(options.linkSecret), now }),
    headlineOf: headlineFrom(table),
    questionnaires: loadQuestionnaires(),
    now,
    // The local queue hides every failed message for the same time; AWS backs off (retry-schedule.ts).
    retryLater: () => Promise.resolve(),
    log,
  });
  // One queue per destination: the local queue hands out one batch at a time, and a slow
  // receiver must not hold up the others (in AWS, concurrent batches and the 5 s deadline do that).
  const queues = new Map(
    destinations.map((d) => [
      d.id,
      new LocalQueue<TDeliveryMessage>(async (event) => (await deliverer(event)) as SQSBatchResponse, {
        name: `deliveries-${d.id}`,
        visibilityTimeoutMs: options.retryAfterMs ?? 2_000,
        maxReceiveCount: DELIVERY_ATTEMPTS,
      }),
    ]),
  );
  const publish = createEventPublisher({ lookups: storedChangeLookups(table), log });
  const bus: EventBus = {
    async put(events) {
      for (const event of events) {
        for (const rule of rules.filter((r) => ruleMatches(r, event))) await queues.get(rule.id)!.send([{ destination: rule.id, event: { 'detail-type': event.type, detail: event } }]);
      }
    },
  };

  // Changes are published in the order they were captured, as a stream shard keeps them.
  let published = Promise.resolve();
  captureChanges(options.table, options.dynamodbEndpoint, (change: CapturedChange) => {
    published = published.then(async () => bus.put(await publish([change]))).catch((error: unknown) => log.error('publishing a change failed', error));
  });
  return {
    deadLetters: () => [...queues.values()].flatMap((queue) => queue.deadLetters),
    drained: async () => {
      await published;
      await Promise.all([...queues.values()].map((queue) => queue.drained()));
    },
    close: () => queues.forEach((queue) => queue.close()),
  };
}
