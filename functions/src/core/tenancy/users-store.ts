// Tenants and the users who call the API (created on first call from token claims).
import type { Queryable } from '../db/db';

export async function ensureTenant(db: Queryable, tenantId: string, name = ''): Promise<void> {
  await db.query(`INSERT INTO tenants (tenant_id, name, settings) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING`, [tenantId, name, '{}']);
}

export interface UserClaims {
  tenantId: string;
  oid: string;
  displayName: string;
  email: string | null;
  roles: readonly string[];
}

export async function upsertUser(db: Queryable, claims: UserClaims): Promise<string> {
  await ensureTenant(db, claims.tenantId);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO users (tenant_id, entra_oid, display_name, email, roles) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, entra_oid) DO UPDATE
       SET display_name = EXCLUDED.display_name, email = EXCLUDED.email, roles = EXCLUDED.roles, last_seen_at = now()
     RETURNING id`,
    [claims.tenantId, claims.oid, claims.displayName, claims.email, [...claims.roles]],
  );
  return rows[0]!.id;
}

export async function userEmail(db: Queryable, tenantId: string, userId: string): Promise<string | null> {
  const rows = await db.query<{ email: string | null }>(`SELECT email FROM users WHERE tenant_id = $1 AND id = $2`, [tenantId, userId]);
  return rows[0]?.email ?? null;
}

/** The addresses of every user of the tenant that has one. */
export async function tenantUserEmails(db: Queryable, tenantId: string): Promise<string[]> {
  const rows = await db.query<{ email: string }>(`SELECT email FROM users WHERE tenant_id = $1 AND email IS NOT NULL`, [tenantId]);
  return rows.map((row) => row.email);
}

/** The tenant's users by name, for handing a lead or case over; users without a name (never signed in by name) last. */
export async function tenantColleagues(db: Queryable, tenantId: string): Promise<Array<{ id: string; displayName: string }>> {
  const rows = await db.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM users WHERE tenant_id = $1 ORDER BY display_name = '', lower(display_name), id LIMIT 1000`,
    [tenantId],
  );
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}
