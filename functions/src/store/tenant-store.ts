// Tenants, their settings and the users who call the API (created on first call from token claims).
import type { TenantSettings } from '@crm/common';
import type { Queryable } from './db';
import { defaultSettings } from '../domain/stage-model';
import { etagOf } from './rows';

export async function ensureTenant(db: Queryable, tenantId: string, name = ''): Promise<void> {
  await db.query(`INSERT INTO tenants (tenant_id, name, settings) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING`, [
    tenantId,
    name,
    JSON.stringify(defaultSettings),
  ]);
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

export async function getSettings(db: Queryable, tenantId: string): Promise<TenantSettings & { etag: string }> {
  const rows = await db.query<{ settings: Partial<TenantSettings>; version: number }>(`SELECT settings, version FROM tenants WHERE tenant_id = $1`, [tenantId]);
  const row = rows[0];
  return { ...defaultSettings, ...(row?.settings ?? {}), etag: etagOf(row?.version ?? 1) };
}

/** Returns null when the version did not match (someone else saved first). */
export async function putSettings(
  db: Queryable,
  tenantId: string,
  settings: TenantSettings,
  expectedVersion: number,
): Promise<(TenantSettings & { etag: string }) | null> {
  const rows = await db.query<{ settings: TenantSettings; version: number }>(
    `UPDATE tenants SET settings = $2, version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND version = $3 RETURNING settings, version`,
    [tenantId, JSON.stringify(settings), expectedVersion],
  );
  const row = rows[0];
  return row ? { ...row.settings, etag: etagOf(row.version) } : null;
}

export async function userEmail(db: Queryable, tenantId: string, userId: string): Promise<string | null> {
  const rows = await db.query<{ email: string | null }>(`SELECT email FROM users WHERE tenant_id = $1 AND id = $2`, [tenantId, userId]);
  return rows[0]?.email ?? null;
}
