// Tenant settings: admins replace them as a whole, guarded by the version they read.
import type { TenantSettings } from '@crm/common';
import type { Db } from '../store/db';
import { putSettings } from '../store/tenant-store';
import { inTransaction } from '../store/pg-errors';
import type { Actor } from './actor';
import { staleVersion } from './errors';
import { auditChange } from './records';

export async function replaceSettings(db: Db, actor: Actor, settings: TenantSettings, expectedVersion: number) {
  return inTransaction(db, async (tx) => {
    const saved = await putSettings(tx, actor.tenantId, settings, expectedVersion);
    if (!saved) throw staleVersion('settings');
    await auditChange(tx, actor, 'settings', 'tenant', actor.tenantId, Object.keys(settings));
    return saved;
  });
}
