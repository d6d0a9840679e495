// Registering and managing webhook endpoints (admins only); each change is in the audit log like any other.
import type { WebhookDeliveryQuery, WebhookEndpointCreate, WebhookEndpointCreated, WebhookEndpointPatch, WebhookRedeliverRequest, WebhookRedelivery } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { conflict, notFound } from '../../core/errors';
import { auditChange, createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { newWebhookSecret } from './signature';
import { getEndpoint, insertEndpoint, listDeliveries, listEndpoints, requeueDeliveries, updateEndpoint } from './store';

export const registerEndpoint = (db: Db, actor: Actor, input: WebhookEndpointCreate): Promise<Created<WebhookEndpointCreated>> =>
  createRecord(db, actor, 'webhook', async (tx) => {
    const result = await insertEndpoint(tx, actor.tenantId, actor.userId, input, newWebhookSecret());
    // Another admin's endpoint under this id: its secret is not theirs to see.
    if (result.secret === null) throw conflict('a webhook endpoint with this id was registered by someone else', 'id');
    return { value: { ...result.endpoint, secret: result.secret }, created: result.created };
  });

export const endpoints = async (db: Db, actor: Actor) => ({ items: await listEndpoints(db, actor.tenantId) });

export const readEndpoint = (db: Db, actor: Actor, id: string) => readRecord('webhook', () => getEndpoint(db, actor.tenantId, id));

export const changeEndpoint = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: WebhookEndpointPatch) =>
  updateRecord(db, actor, 'webhook', id, (tx) => updateEndpoint(tx, actor.tenantId, id, expectedVersion, patch));

/** Its deliveries go with it, sent or not. */
export const removeEndpoint = (db: Db, actor: Actor, id: string, expectedVersion: number) =>
  deleteRecord(db, actor, 'webhook', 'webhook_endpoints', id, expectedVersion);

export async function deliveriesOf(db: Db, actor: Actor, id: string, query: WebhookDeliveryQuery) {
  await readEndpoint(db, actor, id);
  return listDeliveries(db, actor.tenantId, id, query);
}

/**
 * An admin sends deliveries again, say after the receiver was down for more than the 24 hours of retries. The
 * endpoint's version does not change (its settings did not), but the audit log records who did it.
 */
export const redeliver = (db: Db, actor: Actor, id: string, request: WebhookRedeliverRequest): Promise<WebhookRedelivery> =>
  inTransaction(db, async (tx) => {
    const endpoint = await getEndpoint(tx, actor.tenantId, id);
    if (!endpoint) throw notFound('webhook');
    const redelivered = await requeueDeliveries(tx, actor.tenantId, id, request.eventIds ?? null);
    if (redelivered > 0) await auditChange(tx, actor, 'update', 'webhook', id, ['redelivered']);
    return { redelivered, paused: endpoint.status === 'paused' };
  });
