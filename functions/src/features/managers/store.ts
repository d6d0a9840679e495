// The users' managers; every statement names the tenant. The users table is the kernel's (tenancy), this is its one
// column the CRM's admins set.
import type { TeamMember } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { etagOf, str, strOrNull, type Row } from '../../core/db/rows';
import type { UpdateOutcome } from '../../core/db/versioned';

/** Serialises the tenant's manager changes, so two admins cannot build A above B and B above A at the same time. */
const MANAGER_LOCK_CLASS = 16;

const toMember = (row: Row): TeamMember => ({
  id: str(row, 'id'),
  displayName: str(row, 'display_name'),
  managerId: strOrNull(row, 'manager_id'),
  etag: etagOf(row.version),
});

/** By name, users without a name (never signed in by name) last, as the colleagues list. */
export async function teamRows(db: Queryable, tenantId: string): Promise<TeamMember[]> {
  const rows = await db.query(
    `SELECT id, display_name, manager_id, version FROM users WHERE tenant_id = $1 ORDER BY display_name = '', lower(display_name), id LIMIT 1000`,
    [tenantId],
  );
  return rows.map(toMember);
}

/** The manager above each user, walking up from `userId` (itself first), at most `depth` steps: a circle shows as a repeat. */
export async function chainAbove(db: Queryable, tenantId: string, userId: string, depth = 100): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE up (id, step) AS (
       SELECT id, 0 FROM users WHERE tenant_id = $1 AND id = $2
       UNION ALL
       SELECT u.manager_id, up.step + 1 FROM up JOIN users u ON u.tenant_id = $1 AND u.id = up.id
       WHERE u.manager_id IS NOT NULL AND up.step < $3
     )
     SELECT id FROM up ORDER BY step`,
    [tenantId, userId, depth],
  );
  return rows.map((r) => r.id);
}

export async function setManagerRow(tx: Queryable, tenantId: string, id: string, expectedVersion: number, managerId: string | null): Promise<UpdateOutcome<TeamMember>> {
  const rows = await tx.query(
    `UPDATE users SET manager_id = $4, version = version + 1 WHERE tenant_id = $1 AND id = $2 AND version = $3
     RETURNING id, display_name, manager_id, version`,
    [tenantId, id, expectedVersion, managerId],
  );
  if (rows[0]) return { status: 'ok', value: toMember(rows[0]), fields: ['managerId'] };
  const exists = await tx.query(`SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return exists.length > 0 ? { status: 'stale' } : { status: 'missing' };
}

/** Each of these users' manager, for those that have one. */
export async function managerRows(db: Queryable, tenantId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; manager_id: string }>(
    `SELECT id, manager_id FROM users WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND manager_id IS NOT NULL`,
    [tenantId, [...new Set(userIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.manager_id]));
}

export async function lockManagers(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [MANAGER_LOCK_CLASS, tenantId]);
}
