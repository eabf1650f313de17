import type { Logger } from '../platform/observability/logger.ts';
import { recordMetric } from '../platform/observability/metrics.ts';
import type { Table } from '../platform/table/table-client.ts';
import { chatShows, slackMessage, teamsMessage, type ComplaintLinks, type Headline } from './chat-messages.ts';
import type { TDomainEvent } from './domain-events.ts';
import { localized, type TQuestionnaire } from '../questionnaires/questionnaire-schema.ts';
import type { TDeliveryMessage, TDestination } from './destinations.ts';
import { disableDestination, isDestinationDisabled } from './integration-store.ts';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.ts';

/** An HTTP POST with a deadline; answers the status, or throws when no answer came in time. */
export type Post = (url: string, body: string, headers: Record<string, string>) => Promise<number>;

export interface DeliveryDependencies {
  readonly table: Table;
  readonly destinations: ReadonlyMap<string, TDestination>;
  /** A destination's secret: the signing key of a webhook, the URL of a chat channel. */
  readonly secretOf: (destination: TDestination) => Promise<string>;
  readonly post: Post;
  readonly businessName: string;
  readonly complaintLinks: (complaintId: string) => Promise<ComplaintLinks>;
  readonly headlineOf: (event: Extract<TDomainEvent, { type: 'DigestSent' }>) => Promise<Headline | undefined>;
  /** The deployed questionnaires, so a chat message names a value by its label, not its id. @default none */
  readonly questionnaires?: readonly TQuestionnaire[];
  readonly now: () => Date;
  readonly log: Logger;
}

export type DeliveryOutcome = 'delivered' | 'not-shown' | 'disabled' | 'gone' | 'unknown-destination' | 'no-url';

/** A receiver answered something other than success (or nothing): the queue retries it later. */
export class DeliveryFailed extends Error {
  override readonly name = 'DeliveryFailed';
}

/**
 * Delivers one event to one destination. Each message on the queue is one (event,
 * destination) pair, so a receiver that is down, slow or failing only delays its own messages.
 * A 2xx is success; 410 switches the destination off for good (a log line and a metric);
 * anything else, or no answer in time, throws for a retry with backoff.
 */
export async function deliverEvent(deps: DeliveryDependencies, message: TDeliveryMessage): Promise<DeliveryOutcome> {
  const destination = deps.destinations.get(message.destination);
  if (!destination) {
    deps.log.warn('delivery to a destination no longer configured dropped', { destination: message.destination });
    return 'unknown-destination';
  }
  if (await isDestinationDisabled(deps.table, destination.id)) return 'disabled';
  const event = message.event.detail;
  const request = destination.kind === 'webhook' ? await webhookRequest(deps, destination, event) : await chatRequest(deps, destination, event);
  if (request === 'not-shown' || request === 'no-url') return request;
  const status = await deps.post(request.url, request.body, request.headers).catch((error: unknown) => {
    throw new DeliveryFailed(`no answer from ${destination.id}: ${(error as Error).name}`);
  });
  if (status >= 200 && status < 300) {
    recordMetric('WebhooksDelivered');
    return 'delivered';
  }
  if (status === 410) {
    await disableDestination(deps.table, destination.id, deps.now().toISOString(), status);
    deps.log.warn('destination answered 410 Gone and is switched off', { destination: destination.id });
    recordMetric('WebhooksDisabled');
    return 'gone';
  }
  recordMetric('WebhookFailures');
  throw new DeliveryFailed(`${destination.id} answered ${status}`);
}

type Request = { url: string; body: string; headers: Record<string, string> };

async function webhookRequest(deps: DeliveryDependencies, destination: Extract<TDestination, { kind: 'webhook' }>, event: TDomainEvent): Promise<Request> {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(deps.now().getTime() / 1000);
  return {
    url: destination.url,
    body,
    headers: {
      'content-type': 'application/json',
      [WEBHOOK_HEADERS.eventId]: event.eventId,
      [WEBHOOK_HEADERS.eventType]: event.type,
      [WEBHOOK_HEADERS.signature]: signWebhook(await deps.secretOf(destination), timestamp, body),
    },
  };
}

async function chatRequest(deps: DeliveryDependencies, destination: Extract<TDestination, { kind: 'slack' | 'teams' }>, event: TDomainEvent): Promise<Request | 'not-shown' | 'no-url'> {
  if (!chatShows(event, destination.departmentId)) return 'not-shown';
  const url = (await deps.secretOf(destination)).trim();
  // The stack creates the secret with a placeholder; until an admin stores the channel's URL, nothing is posted.
  if (!/^https?:\/\//.test(url)) {
    deps.log.warn('chat channel has no incoming-webhook URL in its secret yet', { destination: destination.id });
    return 'no-url';
  }
  const context = {
    businessName: deps.businessName,
    ...(event.type === 'ComplaintOpened' ? { complaintLinks: await deps.complaintLinks(event.complaintId), valueLabel: valueLabels(deps.questionnaires, event.questionnaireId) } : {}),
    ...(event.type === 'DigestSent' ? { headline: await deps.headlineOf(event) } : {}),
  };
  const message = destination.kind === 'slack' ? slackMessage(event, context) : teamsMessage(event, context);
  if (!message) return 'not-shown';
  return { url, body: JSON.stringify(message), headers: { 'content-type': 'application/json' } };
}

/**
 * POST with Node's fetch: no redirects followed (a receiver's 3xx is a failure, never a hop
 * to somewhere else), and a deadline, so a slow receiver costs its own delivery that long and no more.
 */
export function fetchPost(timeoutMs: number): Post {
  return async (url, body, headers) => {
    const response = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  };
}

/** Value labels of one questionnaire in its first language (the managers'), by value id. */
function valueLabels(questionnaires: readonly TQuestionnaire[] | undefined, questionnaireId: string): (valueId: string) => string | undefined {
  const questionnaire = questionnaires?.find((q) => q.id === questionnaireId);
  return (valueId) => {
    const value = questionnaire?.values.find((v) => v.id === valueId);
    return value && questionnaire ? localized(questionnaire, value.label, questionnaire.languages[0]!) : undefined;
  };
}
