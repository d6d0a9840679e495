// Graph subscriptions per mailbox and resource, and what the maintenance timer has to do with them.
import type { SyncResource } from '@crm/common';
import type { Queryable } from '../../../core/db/db';
import { str, type Row } from '../../../core/db/rows';
import type { MailboxKey } from './sync-state-store';

export interface StoredSubscription extends MailboxKey {
  id: string;
  clientState: string;
  expiresAt: Date;
}

const toSubscription = (r: Row): StoredSubscription => ({
  tenantId: str(r, 'tenant_id'),
  userId: str(r, 'user_id'),
  resource: str(r, 'resource') as SyncResource,
  id: str(r, 'id'),
  clientState: str(r, 'client_state'),
  expiresAt: new Date(String(r.expires_at)),
});

/**
 * The subscriptions a batch of notifications names, in one query however long the batch (Graph sends up to 1,000).
 * Each pair must match a row of that tenant; keys come back as `${tenantId}/${id}` with the tenant id lower-cased.
 */
export async function findSubscriptions(db: Queryable, refs: readonly { tenantId: string; id: string }[]): Promise<Map<string, StoredSubscription>> {
  if (refs.length === 0) return new Map();
  const rows = await db.query<Row>(
    `SELECT g.* FROM graph_subscriptions g JOIN unnest($1::uuid[], $2::text[]) AS r(tenant_id, id) ON g.tenant_id = r.tenant_id AND g.id = r.id`,
    [refs.map((r) => r.tenantId), refs.map((r) => r.id)],
  );
  return new Map(rows.map((r) => [`${str(r, 'tenant_id')}/${str(r, 'id')}`, toSubscription(r)]));
}

/** Marks the mailboxes behind notified subscriptions for a sync, in one statement. */
export async function markSubscribedPending(db: Queryable, keys: readonly MailboxKey[]): Promise<void> {
  if (keys.length === 0) return;
  await db.query(
    `UPDATE mailbox_sync s SET pending = true, updated_at = now()
     FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS k(tenant_id, user_id, resource)
     WHERE s.tenant_id = k.tenant_id AND s.user_id = k.user_id AND s.resource = k.resource`,
    [keys.map((k) => k.tenantId), keys.map((k) => k.userId), keys.map((k) => k.resource)],
  );
}

export async function saveSubscription(db: Queryable, s: StoredSubscription): Promise<void> {
  await db.query(
    `INSERT INTO graph_subscriptions (tenant_id, id, user_id, resource, client_state, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, user_id, resource) DO UPDATE SET id = EXCLUDED.id, client_state = EXCLUDED.client_state, expires_at = EXCLUDED.expires_at`,
    [s.tenantId, s.id, s.userId, s.resource, s.clientState, s.expiresAt],
  );
}

export async function setSubscriptionExpiry(db: Queryable, tenantId: string, id: string, expiresAt: Date): Promise<void> {
  await db.query(`UPDATE graph_subscriptions SET expires_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, id, expiresAt]);
}

export async function deleteSubscriptionRow(db: Queryable, tenantId: string, id: string): Promise<void> {
  await db.query(`DELETE FROM graph_subscriptions WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
}

export interface SubscriptionWork {
  /** Enabled mailboxes of connected tenants without a subscription. */
  missing: (MailboxKey & { mailbox: string })[];
  /** Subscriptions that expire before the horizon. */
  expiring: StoredSubscription[];
  /** Subscriptions of mailboxes whose sync was turned off. */
  unwanted: StoredSubscription[];
}

/** Across tenants: the maintenance timer acts for every tenant that connected the app. */
export async function subscriptionWork(db: Queryable, renewBefore: Date): Promise<SubscriptionWork> {
  const missing = await db.query<Row>(
    `SELECT s.tenant_id, s.user_id, s.resource, u.entra_oid FROM mailbox_sync s
     JOIN tenants t ON t.tenant_id = s.tenant_id JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
     WHERE s.enabled AND s.status <> 'needs_permission' AND COALESCE((t.settings -> 'graphSync' ->> 'connected')::boolean, false)
       AND NOT EXISTS (SELECT 1 FROM graph_subscriptions g WHERE g.tenant_id = s.tenant_id AND g.user_id = s.user_id AND g.resource = s.resource)`,
  );
  const expiring = await db.query<Row>(
    `SELECT g.* FROM graph_subscriptions g JOIN mailbox_sync s ON s.tenant_id = g.tenant_id AND s.user_id = g.user_id AND s.resource = g.resource
     WHERE s.enabled AND g.expires_at < $1`,
    [renewBefore],
  );
  const unwanted = await db.query<Row>(
    `SELECT g.* FROM graph_subscriptions g JOIN mailbox_sync s ON s.tenant_id = g.tenant_id AND s.user_id = g.user_id AND s.resource = g.resource
     WHERE NOT s.enabled`,
  );
  return {
    missing: missing.map((r) => ({
      tenantId: str(r, 'tenant_id'),
      userId: str(r, 'user_id'),
      resource: str(r, 'resource') as SyncResource,
      mailbox: str(r, 'entra_oid'),
    })),
    expiring: expiring.map(toSubscription),
    unwanted: unwanted.map(toSubscription),
  };
}
