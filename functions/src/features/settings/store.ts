// The tenant's settings document, stored as JSON beside the tenant and versioned for If-Match.
import { StoredTenantSettings, type TenantSettings } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { etagOf } from '../../core/db/rows';

export async function getSettings(db: Queryable, tenantId: string): Promise<TenantSettings & { etag: string }> {
  const rows = await db.query<{ settings: unknown; version: number }>(`SELECT settings, version FROM tenants WHERE tenant_id = $1`, [tenantId]);
  const row = rows[0];
  return { ...StoredTenantSettings.parse(row?.settings ?? {}), etag: etagOf(row?.version ?? 1) };
}

/** Returns null when the version did not match (someone else saved first). */
export async function putSettings(
  db: Queryable,
  tenantId: string,
  settings: TenantSettings,
  expectedVersion: number,
): Promise<(TenantSettings & { etag: string }) | null> {
  const rows = await db.query<{ settings: unknown; version: number }>(
    `UPDATE tenants SET settings = $2, version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND version = $3 RETURNING settings, version`,
    [tenantId, JSON.stringify(settings), expectedVersion],
  );
  const row = rows[0];
  return row ? { ...StoredTenantSettings.parse(row.settings), etag: etagOf(row.version) } : null;
}
