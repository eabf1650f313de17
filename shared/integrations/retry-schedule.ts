/**
 * How a failed delivery is retried: the message is hidden for a delay that doubles from 30 s
 * to a cap of an hour, so a receiver that is down for minutes gets its events minutes after
 * it is back, and one down for a day costs about 30 attempts. After a day of failures the
 * message goes to the dead-letter queue (the queue's receive limit is {@link DELIVERY_ATTEMPTS}),
 * whose depth alarms.
 */
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 3_600;
/** How long a delivery keeps being retried before it is dead-lettered. */
export const RETRY_FOR_SECONDS = 86_400;

/** The delay before the attempt after attempt `receiveCount` (1 for the first). */
export function retryDelaySeconds(receiveCount: number): number {
  return Math.min(FIRST_DELAY_SECONDS * 2 ** Math.max(0, receiveCount - 1), MAX_DELAY_SECONDS);
}

/** The attempts that fit in {@link RETRY_FOR_SECONDS}: the first, and one after each delay until a day has passed. */
export const DELIVERY_ATTEMPTS = ((): number => {
  let attempts = 1;
  for (let waited = 0; waited < RETRY_FOR_SECONDS; attempts++) waited += retryDelaySeconds(attempts);
  return attempts;
})();
