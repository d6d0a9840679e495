// Sync use cases behind the API: a user's switches and status, admin runs and conflicts, Graph's webhooks.
import type { GraphNotificationBatch, MySyncSwitches, SyncResource, SyncStatusResponse } from '@crm/common';
import type { Db } from '../../core/db/db';
import { listConflicts } from './store/graph-items-store';
import { listSyncStates, setSwitch } from './store/sync-state-store';
import { getSettings } from '../settings';
import type { SyncService } from './sync-engine';
import type { Actor } from '../../core/actor';
import { DomainError } from '../../core/errors';

const isAdmin = (actor: Actor) => actor.roles.includes('CRM.Admin');

export async function syncStatus(db: Db, actor: Actor, sync: SyncService | undefined, everyone: boolean): Promise<SyncStatusResponse> {
  const settings = await getSettings(db, actor.tenantId);
  return {
    configured: Boolean(sync?.configured),
    connected: settings.graphSync.connected,
    items: await listSyncStates(db, actor.tenantId, everyone && isAdmin(actor) ? null : actor.userId),
  };
}

export async function switchMySync(db: Db, actor: Actor, sync: SyncService | undefined, switches: MySyncSwitches): Promise<SyncStatusResponse> {
  for (const resource of ['calendar', 'contacts'] as const) {
    await setSwitch(db, { tenantId: actor.tenantId, userId: actor.userId, resource }, switches[resource]);
  }
  // Turning sync on should show results soon, not at the next quarter-hour.
  if (switches.calendar || switches.contacts) sync?.kick();
  return syncStatus(db, actor, sync, false);
}

function requireReady(sync: SyncService | undefined): SyncService {
  if (!sync?.configured) {
    throw new DomainError(
      'conflict',
      'Graph sync is not configured on this server: set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (see the README, "Microsoft Graph sync").',
    );
  }
  return sync;
}

export async function runSyncNow(db: Db, actor: Actor, sync: SyncService | undefined, request: { userId?: string; resource?: SyncResource; full: boolean }) {
  const ready = requireReady(sync);
  if (!(await getSettings(db, actor.tenantId)).graphSync.connected) {
    throw new DomainError(
      'conflict',
      'This tenant has not connected Graph sync yet: grant admin consent, then set graphSync.connected in the settings.',
      'graphSync.connected',
    );
  }
  return { results: await ready.runNow(actor.tenantId, request) };
}

export const syncConflicts = async (db: Db, actor: Actor) => ({ items: await listConflicts(db, actor.tenantId) });

/**
 * Answers Graph at once; the sync itself runs after the response (or on the next timer tick). Notifications for
 * subscriptions this server does not keep are acknowledged (202) without work: any other answer makes Graph send them
 * again for hours. Only a batch whose every known subscription got the wrong clientState is refused, since Graph never sends one.
 */
export async function graphWebhook(sync: SyncService | undefined, batch: GraphNotificationBatch): Promise<void> {
  const ready = requireReady(sync);
  const outcome = await ready.acceptNotifications(batch);
  if (outcome.accepted === 0 && outcome.rejected > 0)
    throw new DomainError('forbidden', 'No notification in the batch carried the clientState of its subscription.', 'value[].clientState');
  if (outcome.marked.length > 0) ready.kick();
  if (outcome.subscriptionsChanged) void ready.maintainSubscriptions().catch(() => undefined);
}
