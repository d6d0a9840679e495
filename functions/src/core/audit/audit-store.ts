// The audit log: who changed what and when, written in the same transaction as the change itself.
import { randomUUID } from 'node:crypto';
import type { AuditEntity, ChangeAction } from '@crm/common';
import { prepared, type Queryable } from '../db/db';
import { webhookEventOf } from './webhook-events';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  action: ChangeAction;
  entity: Exclude<AuditEntity, 'address'>;
  entityId: string | null;
  changedFields?: readonly string[];
}

// One statement for the entry and its webhook deliveries (one per endpoint subscribed to the event, paused ones too so
// nothing is lost while an admin looks into a failing receiver); none for a restricted person (Art. 18). The event id
// comes from here: PostgreSQL ran a gen_random_uuid() subquery once per endpoint, giving one event several ids.
const INSERT_AUDIT = prepared(
  'insert-audit-and-deliveries',
  `WITH entry AS (
     INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, changed_fields) VALUES ($1, $2, $3, $4, $5, $6)
   )
   INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, entity, entity_id, changed_fields)
   SELECT $1, e.id, $8, $7, $4, $5, $6
   FROM webhook_endpoints e
   WHERE $7::text IS NOT NULL AND e.tenant_id = $1 AND $7::text = ANY(e.events)
     AND NOT ($4 = 'contact' AND $3 <> 'erase' AND EXISTS (
       SELECT 1 FROM contact_restrictions r WHERE r.tenant_id = $1 AND r.contact_id = $5 AND r.lifted_at IS NULL))`,
);

export async function writeAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(INSERT_AUDIT, [
    entry.tenantId,
    entry.actorId,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.changedFields ?? [],
    webhookEventOf(entry),
    randomUUID(),
  ]);
}

/**
 * Many entries in one statement, with the same deliveries writeAudit makes for each (one event id per entry, shared by
 * its endpoints): for writers of thousands of records in one transaction, such as an import's commit and undo.
 */
export async function writeAudits(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry, n) => ({
    n,
    tenant_id: entry.tenantId,
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    changed_fields: entry.changedFields ?? [],
    event_type: webhookEventOf(entry),
    event_id: randomUUID(),
  }));
  await tx.query(
    `WITH e AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS t(n int, tenant_id uuid, actor_id uuid, action text, entity text, entity_id uuid, changed_fields text[], event_type text, event_id uuid)
     ), entry AS (
       INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, changed_fields)
       SELECT tenant_id, actor_id, action, entity, entity_id, changed_fields FROM e ORDER BY n
     )
     INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, entity, entity_id, changed_fields)
     SELECT e.tenant_id, w.id, e.event_id, e.event_type, e.entity, e.entity_id, e.changed_fields
     FROM e JOIN webhook_endpoints w ON w.tenant_id = e.tenant_id AND e.event_type = ANY(w.events)
     WHERE e.event_type IS NOT NULL
       AND NOT (e.entity = 'contact' AND e.action <> 'erase' AND EXISTS (
         SELECT 1 FROM contact_restrictions r WHERE r.tenant_id = e.tenant_id AND r.contact_id = e.entity_id AND r.lifted_at IS NULL))
     ORDER BY e.n, w.id`,
    [JSON.stringify(rows)],
  );
}

/** Who made the latest change to a record, and when: what a 412 tells the writer whose version was overtaken. */
export interface LastChange {
  by: { id: string; name: string } | null;
  at: string;
  action: string;
  fields: string[];
}

export async function lastChange(db: Queryable, tenantId: string, entity: string, entityId: string): Promise<LastChange | null> {
  const [row] = await db.query<{ actor_id: string | null; display_name: string | null; action: string; changed_fields: string[]; at: Date }>(
    `SELECT l.actor_id, u.display_name, l.action, l.changed_fields, l.at
     FROM audit_log l LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.actor_id
     WHERE l.tenant_id = $1 AND l.entity = $2 AND l.entity_id = $3
     ORDER BY l.at DESC, l.id DESC LIMIT 1`,
    [tenantId, entity, entityId],
  );
  if (!row) return null;
  return {
    by: row.actor_id ? { id: row.actor_id, name: row.display_name ?? '' } : null,
    at: row.at.toISOString(),
    action: row.action,
    fields: row.changed_fields,
  };
}

export async function auditTrail(db: Queryable, tenantId: string, entity: string, entityId: string) {
  return db.query<{ action: string; actor_id: string | null; changed_fields: string[]; at: Date }>(
    `SELECT action, actor_id, changed_fields, at FROM audit_log WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3 ORDER BY id`,
    [tenantId, entity, entityId],
  );
}
