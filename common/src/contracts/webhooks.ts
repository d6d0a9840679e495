// Outbound webhooks for an ERP or middleware: endpoints an admin registers, and the deliveries sent to them.
import { z } from 'zod';
import { IsoDateTime, OptionalText, PageQuery, Text, Uuid, Versioned } from './primitives';
import { WEBHOOK_EVENT_TYPES } from './webhook-values';

/** What a receiver can subscribe to; each delivery names the record, the receiver reads it through the API. */
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

const HttpsUrl = Text.trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https$/, message: 'must be an https:// URL' }))
  .refine((url) => !new URL(url).username && !new URL(url).password, { message: 'must not carry a user name or password' });

const Events = z.array(WebhookEventType).min(1).max(WebhookEventType.options.length);

export const WebhookEndpointCreate = z
  .object({
    /** Sent by the client, it makes a retried registration find the first one instead of adding a second. */
    id: Uuid.optional(),
    url: HttpsUrl,
    description: OptionalText(500),
    events: Events,
  })
  .strict();
export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreate>;

export const WebhookEndpointPatch = z
  .object({
    url: HttpsUrl,
    description: OptionalText(500),
    events: Events,
    /** paused stops sending (events still queue); active resumes and gives waiting deliveries another 24 hours. */
    status: z.enum(['active', 'paused']),
  })
  .partial()
  .strict();
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>;

export const WebhookEndpoint = Versioned.extend({
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(WebhookEventType),
  status: z.enum(['active', 'paused']),
  /** Why the endpoint was paused: by an admin, or after 24 hours of failed deliveries with the last error. */
  pausedReason: z.string().nullable(),
  failingSince: IsoDateTime.nullable(),
  pendingDeliveries: z.number().int(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** The answer to registering: the only time the signing secret is shown. */
export const WebhookEndpointCreated = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointCreated = z.infer<typeof WebhookEndpointCreated>;

export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) });

export const WebhookDeliveryQuery = PageQuery.extend({ status: z.enum(['pending', 'delivered', 'failed']).optional() }).strict();
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;

export const WebhookDelivery = z.object({
  eventId: Uuid,
  type: WebhookEventType,
  entity: z.string(),
  entityId: Uuid.nullable(),
  occurredAt: IsoDateTime,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: IsoDateTime.nullable(),
  lastStatus: z.number().int().nullable(),
  /** The HTTP status or the kind of network error; never the receiver's answer body. */
  lastError: z.string().nullable(),
  deliveredAt: IsoDateTime.nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/**
 * Send deliveries again: the ones named (failed or delivered), or without `eventIds` every failed one of the endpoint.
 * They wait again with a fresh 24 hours and their back-off starting over.
 */
export const WebhookRedeliverRequest = z.object({ eventIds: z.array(Uuid).min(1).max(100).optional() }).strict();
export type WebhookRedeliverRequest = z.infer<typeof WebhookRedeliverRequest>;

export const WebhookRedelivery = z.object({
  /** Deliveries put back in the queue; one already waiting is not counted. */
  redelivered: z.number().int(),
  /** The endpoint is paused: they go once it is resumed. */
  paused: z.boolean(),
});
export type WebhookRedelivery = z.infer<typeof WebhookRedelivery>;
