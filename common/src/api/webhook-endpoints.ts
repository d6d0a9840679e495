// The webhook part of the API catalogue (CRM.Admin): spread into endpoints.ts.
import { z } from 'zod';
import { pageOf, Uuid } from '../contracts/primitives';
import {
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookEndpointList,
  WebhookEndpointPatch,
  WebhookRedeliverRequest,
  WebhookRedelivery,
} from '../contracts/webhooks';
import { route } from './routes';

const IdParams = z.object({ id: Uuid });

export const webhookEndpoints = [
  {
    ...route('listWebhooks'),
    summary: 'Registered webhook endpoints with their status, why one is paused, and how many deliveries wait',
    tag: 'webhooks',
    access: 'admin',
    response: WebhookEndpointList,
    status: 200,
  },
  {
    ...route('createWebhook'),
    summary: 'Register an https endpoint for events; the answer carries the signing secret, the only time it is shown',
    tag: 'webhooks',
    access: 'admin',
    body: WebhookEndpointCreate,
    response: WebhookEndpointCreated,
    status: 201,
  },
  { ...route('getWebhook'), summary: 'One webhook endpoint', tag: 'webhooks', access: 'admin', params: IdParams, response: WebhookEndpoint, status: 200 },
  {
    ...route('updateWebhook'),
    summary: 'Change URL, events or description, pause or resume (If-Match required); resuming sends what waited',
    tag: 'webhooks',
    access: 'admin',
    params: IdParams,
    body: WebhookEndpointPatch,
    ifMatch: true,
    response: WebhookEndpoint,
    status: 200,
  },
  {
    ...route('deleteWebhook'),
    summary: 'Remove an endpoint and its deliveries (If-Match required)',
    tag: 'webhooks',
    access: 'admin',
    params: IdParams,
    ifMatch: true,
    status: 204,
  },
  {
    ...route('webhookDeliveries'),
    summary: "An endpoint's deliveries, newest first, with attempts, the next try and the last error",
    tag: 'webhooks',
    access: 'admin',
    params: IdParams,
    query: WebhookDeliveryQuery,
    response: pageOf(WebhookDelivery),
    status: 200,
  },
  {
    ...route('redeliverWebhook'),
    summary: 'Send deliveries again: the named ones (failed or delivered), or every failed one; each waits again with a fresh 24 hours',
    tag: 'webhooks',
    access: 'admin',
    params: IdParams,
    body: WebhookRedeliverRequest,
    response: WebhookRedelivery,
    status: 200,
  },
] as const;
