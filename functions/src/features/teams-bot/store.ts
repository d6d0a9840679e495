// The bot's own SQL: who a Teams user is in the CRM.
import type { AppRole } from '@crm/common';
import type { Queryable } from '../../core/db/db';

export interface CrmUser {
  id: string;
  displayName: string;
  roles: AppRole[];
}

/** The user row the API made at their last sign-in; its roles are those their last Entra ID token carried. */
export async function userByEntraOid(db: Queryable, tenantId: string, oid: string): Promise<CrmUser | null> {
  const rows = await db.query<{ id: string; display_name: string; roles: string[] }>(
    `SELECT u.id, u.display_name, u.roles FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id WHERE u.tenant_id = $1 AND u.entra_oid = $2`,
    [tenantId, oid],
  );
  const row = rows[0];
  return row ? { id: row.id, displayName: row.display_name, roles: row.roles as AppRole[] } : null;
}
