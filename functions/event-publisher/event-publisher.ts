import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from '../../shared/platform/validation/zod.ts';
import type { Logger } from '../../shared/platform/observability/logger.ts';
import type { TDomainEvent } from '../../shared/integrations/domain-events.ts';
import { eventsFromChange, type ChangeLookups } from '../../shared/integrations/events-from-change.ts';

export interface EventPublisherDependencies {
  readonly lookups: ChangeLookups;
  readonly log: Logger;
}

const ZImage = z.optional(z.record(z.string(), z.unknown()));
/** A DynamoDB stream record as Lambda and EventBridge Pipes deliver it: only the images are read. */
const ZStreamRecord = z.looseObject({ dynamodb: z.looseObject({ NewImage: ZImage, OldImage: ZImage }) });
const ZStreamBatch = z.union([z.array(ZStreamRecord), z.pipe(z.looseObject({ Records: z.array(ZStreamRecord) }), z.transform((event) => event.Records))]);

/**
 * The publisher: table changes in, domain events out. In AWS it is the enrichment step of an
 * EventBridge pipe from the table's stream to the bus: the pipe puts what it returns onto the
 * bus, and retries the batch (same records, so the same event ids) when it throws. Locally,
 * the change poller calls it and puts the events on the local bus.
 */
export function createEventPublisher(deps: EventPublisherDependencies) {
  return async (input: unknown): Promise<TDomainEvent[]> => {
    const records = ZStreamBatch.parse(input);
    const events: TDomainEvent[] = [];
    for (const record of records) {
      const change = { newImage: imageOf(record.dynamodb.NewImage), oldImage: imageOf(record.dynamodb.OldImage) };
      events.push(...(await eventsFromChange(change, deps.lookups)));
    }
    if (events.length > 0) deps.log.info('domain events published', { records: records.length, events: events.length, types: [...new Set(events.map((e) => e.type))].join(',') });
    return events;
  };
}

function imageOf(image: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return image ? unmarshall(image as Parameters<typeof unmarshall>[0] & object) : undefined;
}
