// Mailbox sync as one service for hosts and handlers: run due mailboxes, run now, keep subscriptions, take notifications.
// The provider comes in from the composition root (app/create-services.ts), so this file knows no provider.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { GraphNotificationBatch, SyncResource, SyncRunResult } from '@crm/common';
import type { Db } from '../../core/db/db';
import { redactedError } from '../../core/redacted-error';
import { dueMailboxes, enabledMailboxes, requestFullResync, type MailboxKey } from './store/sync-state-store';
import { getSettings } from '../settings';
import { realSleep, systemClock, type Clock, type Sleep } from './clock';
import { acceptNotifications, type NotificationOutcome } from './notifications';
import type { SyncProvider } from './ports';
import { maintainSubscriptions, type SubscriptionSummary } from './subscriptions';
import { syncMailbox, type RunnerDeps } from './sync-runner';

export interface SyncService {
  /** A provider (Graph credentials) is configured on this server. */
  readonly configured: boolean;
  /** Timer: mailboxes marked by notifications, and every mailbox not synced within the interval. */
  runDue(): Promise<SyncRunResult[]>;
  /** Admin request: the tenant's enabled mailboxes (optionally one user or resource), now. */
  runNow(tenantId: string, filter: { userId?: string; resource?: SyncResource; full?: boolean }): Promise<SyncRunResult[]>;
  maintainSubscriptions(): Promise<SubscriptionSummary | null>;
  acceptNotifications(batch: GraphNotificationBatch): Promise<NotificationOutcome>;
  /** Starts a run of due mailboxes soon, in the background (after a notification was answered). */
  kick(): void;
  /** Waits for background work to finish (shutdown, tests). */
  idle(): Promise<void>;
}

export interface SyncServiceOptions {
  db: () => Promise<Db>;
  /** The mail provider, Microsoft Graph in production; null where none is configured. */
  provider: SyncProvider | null;
  /** The public base URL change notifications are sent to; without it no subscriptions are kept. */
  notificationUrl?: string;
  intervalSeconds: number;
  leaseSeconds?: number;
  /** Mailboxes synced side by side; each mailbox still gets at most 4 concurrent requests. */
  parallelMailboxes?: number;
  afterPage?: RunnerDeps['afterPage'];
  log?: (message: string) => void;
  clock?: Clock;
  /** Waits before a run after a notification and between lock-conflict retries; tests pass one that returns at once. */
  sleep?: Sleep;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { provider } = options;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const background = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>) => {
    background.add(work);
    void work.finally(() => background.delete(work)).catch(() => undefined);
    return work;
  };

  const run = async (keys: MailboxKey[]): Promise<SyncRunResult[]> => {
    if (!provider) return [];
    const db = await options.db();
    const deps: RunnerDeps = {
      db,
      provider,
      worker,
      leaseSeconds: options.leaseSeconds ?? 600,
      settings: async (tenantId) => (await getSettings(db, tenantId)).graphSync,
      afterPage: options.afterPage,
      clock,
      sleep,
    };
    const results: SyncRunResult[] = [];
    let next = 0;
    const lane = async () => {
      while (next < keys.length) results.push(await syncMailbox(deps, keys[next++]!));
    };
    await Promise.all(Array.from({ length: Math.min(options.parallelMailboxes ?? 4, keys.length) }, lane));
    return results;
  };

  let kicked: Promise<unknown> | null = null;
  const service: SyncService = {
    configured: Boolean(provider),
    runDue: () =>
      track(
        options
          .db()
          .then((db) => dueMailboxes(db, options.intervalSeconds))
          .then(run),
      ),
    async runNow(tenantId, filter) {
      const db = await options.db();
      if (filter.full) await requestFullResync(db, tenantId, filter);
      return track(run(await enabledMailboxes(db, tenantId, filter)));
    },
    async maintainSubscriptions() {
      if (!provider?.subscriptions || !options.notificationUrl) return null;
      return track(maintainSubscriptions(await options.db(), provider.subscriptions, options.notificationUrl, new Date(clock.now())));
    },
    acceptNotifications: async (batch) => acceptNotifications(await options.db(), batch),
    kick() {
      // One pending kick at a time: notifications arriving in a burst share a run.
      if (kicked || !provider) return;
      kicked = track(
        sleep(250)
          .then(() => service.runDue())
          // A mailbox just switched on also needs its subscriptions, not only at the next hourly upkeep.
          .then(() => service.maintainSubscriptions())
          .catch((error: unknown) => options.log?.(`sync after notification failed: ${JSON.stringify(redactedError(error))}`))
          .finally(() => {
            kicked = null;
          }),
      );
    },
    async idle() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
  return service;
}
