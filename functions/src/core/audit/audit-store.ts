// The audit log: who changed what and when, written in the same transaction as the change itself.
import { prepared, type Queryable } from '../db/db';

export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  action: 'create' | 'update' | 'delete' | 'log' | 'log-again' | 'consent' | 'settings' | 'sync' | 'erase' | 'restrict' | 'lift-restriction';
  entity: string;
  entityId: string | null;
  changedFields?: readonly string[];
}

const INSERT_AUDIT = prepared(
  'insert-audit',
  `INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, changed_fields) VALUES ($1, $2, $3, $4, $5, $6)`,
);

export async function writeAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(INSERT_AUDIT, [entry.tenantId, entry.actorId, entry.action, entry.entity, entry.entityId, entry.changedFields ?? []]);
}

export async function auditTrail(db: Queryable, tenantId: string, entity: string, entityId: string) {
  return db.query<{ action: string; actor_id: string | null; changed_fields: string[]; at: Date }>(
    `SELECT action, actor_id, changed_fields, at FROM audit_log WHERE tenant_id = $1 AND entity = $2 AND entity_id = $3 ORDER BY id`,
    [tenantId, entity, entityId],
  );
}
