import { jsonOf, setting, text } from '../platform/config/settings.ts';
import { ZDestinations } from './destinations.ts';

/** The webhooks and chat channels the deliverer posts to, with the secrets each needs. */
export const DESTINATIONS = setting('DESTINATIONS', jsonOf(ZDestinations));
/** The delivery queue, whose messages the deliverer hides for the backoff after a failure. */
export const DELIVERY_QUEUE_URL = setting('DELIVERY_QUEUE_URL', text);
