// Optimistic concurrency for every table with a version column: change only what the caller read.
import type { Queryable } from './db';
import type { SqlParams } from './sql-builder';

export type UpdateOutcome<T> = { status: 'ok'; value: T; fields: string[] } | { status: 'missing' } | { status: 'stale' };

/** Applies a patch only if the stored version is the one the caller read (optimistic concurrency). */
export async function updateVersioned(
  tx: Queryable,
  table: string,
  tenantId: string,
  id: string,
  expectedVersion: number,
  set: { sql: string; fields: string[] },
  params: SqlParams,
): Promise<{ status: 'ok'; fields: string[] } | { status: 'missing' } | { status: 'stale' }> {
  const assignments = [set.sql, 'version = version + 1', 'updated_at = now()'].filter(Boolean).join(', ');
  const rows = await tx.query(
    `UPDATE ${table} SET ${assignments} WHERE tenant_id = ${params.add(tenantId)} AND id = ${params.add(id)} AND version = ${params.add(expectedVersion)} RETURNING id`,
    params.values,
  );
  if (rows.length > 0) return { status: 'ok', fields: set.fields };
  const exists = await tx.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return exists.length > 0 ? { status: 'stale' } : { status: 'missing' };
}

export async function deleteVersioned(
  tx: Queryable,
  table: string,
  tenantId: string,
  id: string,
  expectedVersion: number,
): Promise<'ok' | 'missing' | 'stale'> {
  const rows = await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING id`, [tenantId, id, expectedVersion]);
  if (rows.length > 0) return 'ok';
  const exists = await tx.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return exists.length > 0 ? 'stale' : 'missing';
}
