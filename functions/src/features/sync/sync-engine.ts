// Graph sync as one service for hosts and handlers: run due mailboxes, run now, keep subscriptions, take notifications.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { GraphNotificationBatch, SyncResource, SyncRunResult } from '@crm/common';
import type { GraphConfig } from '../../core/config';
import { msalAppTokens } from './graph/app-tokens';
import { createGraphApi, type GraphApi } from './graph/graph-api';
import { graphSources } from './graph/graph-sources';
import type { Db } from '../../core/db/db';
import { dueMailboxes, enabledMailboxes, requestFullResync, type MailboxKey } from './store/sync-state-store';
import { getSettings } from '../settings';
import { acceptNotifications, type NotificationOutcome } from './notifications';
import type { MailboxSources } from './sources';
import { maintainSubscriptions, type SubscriptionSummary } from './subscriptions';
import { syncMailbox, type RunnerDeps } from './sync-runner';

export interface SyncService {
  /** Graph credentials are configured on this server. */
  readonly configured: boolean;
  readonly api: GraphApi | null;
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
  graph: GraphConfig | null;
  intervalSeconds: number;
  /** Another provider or a prepared Graph client (tests, benchmark). */
  sources?: MailboxSources;
  api?: GraphApi;
  leaseSeconds?: number;
  /** Mailboxes synced side by side; each mailbox still gets at most 4 concurrent requests. */
  parallelMailboxes?: number;
  afterPage?: RunnerDeps['afterPage'];
  log?: (message: string) => void;
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const api = options.api ?? (options.graph ? createGraphApi(options.graph, msalAppTokens(options.graph)) : null);
  const sources = options.sources ?? (api && options.graph ? graphSources(api, options.graph.pageSize) : null);
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const background = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>) => {
    background.add(work);
    void work.finally(() => background.delete(work)).catch(() => undefined);
    return work;
  };

  const run = async (keys: MailboxKey[]): Promise<SyncRunResult[]> => {
    if (!sources) return [];
    const db = await options.db();
    const deps: RunnerDeps = {
      db,
      sources,
      worker,
      leaseSeconds: options.leaseSeconds ?? 600,
      settings: async (tenantId) => (await getSettings(db, tenantId)).graphSync,
      afterPage: options.afterPage,
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
    configured: Boolean(sources),
    api,
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
      if (!api || !options.graph?.notificationUrl) return null;
      return track(maintainSubscriptions(await options.db(), api, options.graph.notificationUrl));
    },
    acceptNotifications: async (batch) => acceptNotifications(await options.db(), batch),
    kick() {
      // One pending kick at a time: notifications arriving in a burst share a run.
      if (kicked || !sources) return;
      kicked = track(
        new Promise((resolve) => setTimeout(resolve, 250))
          .then(() => service.runDue())
          // A mailbox just switched on also needs its subscriptions, not only at the next hourly upkeep.
          .then(() => service.maintainSubscriptions())
          .catch((error: unknown) => options.log?.(`sync after notification failed: ${String(error)}`))
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
