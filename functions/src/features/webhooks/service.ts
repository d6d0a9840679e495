// Registering and managing webhook endpoints (admins only); each change is in the audit log like any other.
import type { WebhookDeliveryQuery, WebhookEndpointCreate, WebhookEndpointCreated, WebhookEndpointPatch } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { conflict } from '../../core/errors';
import { createRecord, deleteRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { newWebhookSecret } from './signature';
import { getEndpoint, insertEndpoint, listDeliveries, listEndpoints, updateEndpoint } from './store';

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
