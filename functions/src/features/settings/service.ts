// Tenant settings: admins replace them as a whole, guarded by the version they read.
import type { TenantSettings } from '@crm/common';
import type { Db } from '../../core/db/db';
import { putSettings } from './store';
import { inTransaction } from '../../core/db/pg-errors';
import type { Actor } from '../../core/actor';
import { staleVersion } from '../../core/errors';
import { auditChange } from '../../core/records';

// Reading has no rule of its own; it is part of the service so that routes and other features never reach the store.
export { getSettings } from './store';

export async function replaceSettings(db: Db, actor: Actor, settings: TenantSettings, expectedVersion: number) {
  return inTransaction(db, async (tx) => {
    const saved = await putSettings(tx, actor.tenantId, settings, expectedVersion);
    if (!saved) throw staleVersion('settings');
    await auditChange(tx, actor, 'settings', 'tenant', actor.tenantId, Object.keys(settings));
    return saved;
  });
}
