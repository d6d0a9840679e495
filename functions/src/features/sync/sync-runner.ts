// The sync state machine for one mailbox and resource: claim, page through the delta (resumable), push, finish or fail in words.
// Provider-agnostic: it talks to the mailbox only through ./ports.ts.
import type { GraphSyncSettings, SyncResource, SyncRunResult } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import type { Clock, Sleep } from './clock';
import { retryOnLockConflict } from './lock-retry';
import { SyncProviderError, type DeltaPage, type SyncFailure, type SyncProvider } from './ports';
import type { PageOutcome } from './store/synced-meetings-store';
import { claim, complete, fail, restartDelta, saveProgress, startWindow, type ClaimedSync, type MailboxKey } from './store/sync-state-store';
import { applyCalendarPage, removeUnseenMeetings } from './calendar-sync';
import { applyContactsPage, pushCrmFolder } from './contact-sync';

export interface RunnerDeps {
  db: Db;
  provider: SyncProvider;
  settings(tenantId: string): Promise<GraphSyncSettings>;
  /** Identifies this process in claims. */
  worker: string;
  leaseSeconds: number;
  /** A calendar pass older than this starts over so the window moves with time. */
  windowRefreshDays?: number;
  /** Called after each page is committed; tests use it to kill a run between pages. */
  afterPage?(key: MailboxKey, pagesDone: number): void | Promise<void>;
  clock: Clock;
  /** Waits between retries of a page transaction that lost a lock conflict. */
  sleep: Sleep;
}

class LeaseLost extends Error {
  constructor() {
    super('the claim on this mailbox expired and another worker took it over; this run stopped without writing');
  }
}

const DAY = 86_400_000;

function describe(failure: SyncFailure, resource: SyncResource, provider: SyncProvider): string {
  switch (failure.kind) {
    case 'permission':
      return `${provider.name} refused access (${failure.status}). ${provider.permissionAdvice(resource)}`;
    case 'temporary':
      return failure.status
        ? `${provider.name} was busy or unavailable (${failure.status}) after retries; the sync tries again later.`
        : `${provider.name} could not be reached (${failure.message}); the sync tries again later.`;
    case 'reset':
      return `${provider.name} lost the sync state (${failure.status}); a full resync follows.`;
    case 'not_found':
    case 'fatal':
      return `${provider.name} answered ${failure.status}: ${failure.message}`;
  }
}

/** Back-off after failures: Retry-After when the provider gave one, otherwise 1, 2, 4 ... up to 60 minutes. */
const backoffSeconds = (failure: SyncFailure, failures: number) =>
  failure.kind === 'permission'
    ? 6 * 3600
    : failure.kind === 'temporary' && failure.retryAfterSeconds
      ? failure.retryAfterSeconds
      : Math.min(3600, 60 * 2 ** Math.min(failures, 6));

interface Tally extends PageOutcome {
  pages: number;
  items: number;
}

async function pageThrough<T>(
  deps: RunnerDeps,
  claimed: ClaimedSync,
  start: string,
  read: (cursor: string) => Promise<DeltaPage<T>>,
  apply: (tx: Queryable, page: DeltaPage<T>) => Promise<PageOutcome>,
  tally: Tally,
  afterLastPage: string,
  /** Runs with the last page of a full pass (not an incremental round): what the pass did not see is gone. */
  sweep?: (tx: Queryable) => Promise<number>,
): Promise<void> {
  let cursor = claimed.nextLink ?? (claimed.fullResync ? null : claimed.deltaLink) ?? start;
  let pagesDone = claimed.nextLink ? claimed.pagesDone : 0;
  let itemsDone = claimed.nextLink ? claimed.itemsDone : 0;
  const stage = claimed.deltaLink && !claimed.fullResync ? 'incremental' : 'initial';
  for (;;) {
    const page = await read(cursor);
    pagesDone++;
    itemsDone += page.items.length + page.removed.length;
    const outcome = await retryOnLockConflict(
      () =>
      deps.db.transaction(async (tx) => {
        const written = await apply(tx, page);
        if (!page.nextCursor && stage === 'initial' && sweep) written.removed += await sweep(tx);
        // The page's records and the place to continue commit together: a crash repeats at most this page.
        const saved = await saveProgress(
          tx,
          claimed,
          deps.worker,
          page.nextCursor
            ? { stage, nextLink: page.nextCursor, pagesDone, itemsDone }
            : { stage: afterLastPage, nextLink: null, pagesDone, itemsDone, deltaLink: page.deltaCursor },
          deps.leaseSeconds,
        );
        if (!saved) throw new LeaseLost();
        return written;
      }),
      { sleep: deps.sleep },
    );
    tally.created += outcome.created;
    tally.updated += outcome.updated;
    tally.removed += outcome.removed;
    tally.pages++;
    tally.items += page.items.length + page.removed.length;
    await deps.afterPage?.(claimed, pagesDone);
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

async function runCalendar(deps: RunnerDeps, claimed: ClaimedSync, settings: GraphSyncSettings, tally: Tally): Promise<void> {
  const now = deps.clock.now();
  const windowAge = claimed.windowStartedAt ? now - claimed.windowStartedAt.getTime() : Infinity;
  if (!claimed.nextLink && claimed.deltaLink && windowAge > (deps.windowRefreshDays ?? 7) * DAY) {
    await restartDelta(deps.db, claimed, deps.worker);
    claimed = { ...claimed, deltaLink: null, windowStartedAt: null };
  }
  const window = { from: new Date(now - settings.calendarDaysBack * DAY), to: new Date(now + settings.calendarDaysAhead * DAY) };
  if (!claimed.nextLink && (!claimed.deltaLink || claimed.fullResync)) {
    await startWindow(deps.db, claimed, deps.worker, window);
  }
  const start = deps.provider.calendar.start(claimed.mailbox, window.from, window.to);
  await pageThrough(
    deps,
    claimed,
    start,
    (cursor) => deps.provider.calendar.read(claimed.tenantId, cursor),
    (tx, page) => applyCalendarPage(tx, claimed.tenantId, claimed.userId, page),
    tally,
    'done',
    (tx) => removeUnseenMeetings(tx, claimed.tenantId, claimed.userId),
  );
}

async function runContacts(deps: RunnerDeps, claimed: ClaimedSync, settings: GraphSyncSettings, tally: Tally): Promise<void> {
  const ctx = { tenantId: claimed.tenantId, userId: claimed.userId, policy: settings.contactCreation };
  // A run that stopped during the push resumes with the push; the pull had already finished.
  if (claimed.stage !== 'push') {
    await pageThrough(
      deps,
      claimed,
      deps.provider.contacts.start(claimed.mailbox),
      (cursor) => deps.provider.contacts.read(claimed.tenantId, cursor),
      (tx, page) => applyContactsPage(tx, ctx, page),
      tally,
      'push',
    );
  }
  let folderId = claimed.folderId;
  if (!folderId) {
    folderId = await deps.provider.crmFolder.ensure(claimed.tenantId, claimed.mailbox);
    await saveProgress(
      deps.db,
      claimed,
      deps.worker,
      { stage: 'push', nextLink: null, pagesDone: tally.pages, itemsDone: tally.items, folderId },
      deps.leaseSeconds,
    );
  }
  const pushed = await pushCrmFolder(deps.db, deps.provider.crmFolder, {
    tenantId: claimed.tenantId,
    userId: claimed.userId,
    mailbox: claimed.mailbox,
    folderId,
    recovering: claimed.stage === 'push',
  });
  tally.created += pushed.created;
  tally.updated += pushed.updated;
  tally.removed += pushed.removed;
}

export async function syncMailbox(deps: RunnerDeps, key: MailboxKey): Promise<SyncRunResult> {
  const tally: Tally = { pages: 0, items: 0, created: 0, updated: 0, removed: 0 };
  const result = (outcome: SyncRunResult['outcome'], requests: number, error: string | null): SyncRunResult => ({
    userId: key.userId,
    resource: key.resource,
    outcome,
    ...tally,
    requests,
    error,
  });
  let claimed = await claim(deps.db, key, deps.worker, deps.leaseSeconds);
  if (!claimed) return result('busy', 0, null);
  const requestsBefore = deps.provider.requestCount(claimed.mailbox);
  const requests = () => deps.provider.requestCount(claimed!.mailbox) - requestsBefore;
  const settings = await deps.settings(key.tenantId);
  for (let attempt = 0; ; attempt++) {
    try {
      if (key.resource === 'calendar') await runCalendar(deps, claimed, settings, tally);
      else await runContacts(deps, claimed, settings, tally);
      await complete(deps.db, key, deps.worker);
      return result('synced', requests(), null);
    } catch (error) {
      if (error instanceof LeaseLost) return result('busy', requests(), error.message);
      // Provider failures arrive wrapped by the drivers; anything else is this side's fault (a database error, a bug).
      const failure = error instanceof SyncProviderError ? error.failure : null;
      if (failure?.kind === 'reset' && attempt === 0) {
        // The provider lost the delta state: start over once; natural keys make the repeated pass write nothing twice.
        await restartDelta(deps.db, key, deps.worker);
        claimed = { ...claimed, deltaLink: null, nextLink: null, pagesDone: 0, itemsDone: 0, stage: 'initial', windowStartedAt: null };
        continue;
      }
      const message = failure ? describe(failure, key.resource, deps.provider) : `sync failed: ${error instanceof Error ? error.message : String(error)}`;
      const status = failure?.kind === 'permission' ? 'needs_permission' : 'failed';
      await fail(deps.db, key, deps.worker, {
        status,
        error: message,
        missingPermission: status === 'needs_permission' ? deps.provider.requiredPermission(key.resource) : undefined,
        retryAfterSeconds: backoffSeconds(failure ?? { kind: 'fatal', status: 0, message }, claimed.failureCount),
      });
      return result(status === 'needs_permission' ? 'needs_permission' : 'failed', requests(), message);
    }
  }
}
