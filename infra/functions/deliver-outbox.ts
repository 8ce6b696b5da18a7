import { deliverOutboxHandler } from '../../lib/events/scheduled';
import { applyRuntimeSettings } from './aws-settings';

/**
 * The outbox function's entry. The portal's configuration it loads needs the NextAuth secret
 * (it signs unsubscribe links) and the public URL (links in mail), which the stack passes by
 * reference, as to the server: read once, during the cold start.
 */
await applyRuntimeSettings();

export const handler = deliverOutboxHandler;
