// The shared write path: one transaction per change, with its audit entry, and versions checked.
import type { Db, Queryable } from './db/db';
import { lastChange, writeAudit, type AuditEntry } from './audit/audit-store';
import { inTransaction } from './db/pg-errors';
import { deleteVersioned, type UpdateOutcome } from './db/versioned';
import type { Actor } from './actor';
import { notFound, staleVersion } from './errors';

export interface Created<T> {
  value: T;
  /** False when a retried create found the record it made the first time. */
  created: boolean;
}

const audit = (tx: Queryable, actor: Actor, action: AuditEntry['action'], entity: AuditEntry['entity'], entityId: string | null, changedFields?: readonly string[]) =>
  writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action, entity, entityId, changedFields });

export async function createRecord<T extends { id: string }>(
  db: Db,
  actor: Actor,
  entity: AuditEntry['entity'],
  insert: (tx: Queryable) => Promise<Created<T>>,
): Promise<Created<T>> {
  return inTransaction(db, async (tx) => {
    const result = await insert(tx);
    if (result.created) await audit(tx, actor, 'create', entity, result.value.id);
    return result;
  });
}

export async function updateRecord<T>(db: Db, actor: Actor, entity: AuditEntry['entity'], id: string, update: (tx: Queryable) => Promise<UpdateOutcome<T>>): Promise<T> {
  return inTransaction(db, async (tx) => {
    const outcome = await update(tx);
    if (outcome.status === 'missing') throw notFound(entity);
    if (outcome.status === 'stale') throw staleVersion(entity, await lastChange(tx, actor.tenantId, entity, id));
    await audit(tx, actor, 'update', entity, id, outcome.fields);
    return outcome.value;
  });
}

export async function deleteRecord(db: Db, actor: Actor, entity: AuditEntry['entity'], table: string, id: string, expectedVersion: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const outcome = await deleteVersioned(tx, table, actor.tenantId, id, expectedVersion);
    if (outcome === 'missing') throw notFound(entity);
    if (outcome === 'stale') throw staleVersion(entity, await lastChange(tx, actor.tenantId, entity, id));
    await audit(tx, actor, 'delete', entity, id);
  });
}

export async function readRecord<T>(entity: string, read: () => Promise<T | null>): Promise<T> {
  const value = await read();
  if (value === null) throw notFound(entity);
  return value;
}

export { audit as auditChange };
