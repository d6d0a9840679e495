// Sync state per mailbox and resource: switches, atomic claims with a lease, paged progress, outcome in words.
import type { MailboxSyncState, SyncResource } from '@crm/common';
import type { Queryable } from '../../../core/db/db';
import { isoOrNull, numOf, str, strOrNull, type Row } from '../../../core/db/rows';

export interface MailboxKey {
  tenantId: string;
  userId: string;
  resource: SyncResource;
}

/** What a worker holds after claiming: enough to resume exactly where the last run stopped. */
export interface ClaimedSync extends MailboxKey {
  mailbox: string;
  stage: string;
  deltaLink: string | null;
  nextLink: string | null;
  pagesDone: number;
  itemsDone: number;
  folderId: string | null;
  fullResync: boolean;
  windowStartedAt: Date | null;
  /** Failures in a row before this run, for the back-off after another one. */
  failureCount: number;
}

const KEY = `tenant_id = $1 AND user_id = $2 AND resource = $3`;
const keyParams = (k: MailboxKey) => [k.tenantId, k.userId, k.resource];

export async function setSwitch(db: Queryable, key: MailboxKey, enabled: boolean): Promise<void> {
  await db.query(
    `INSERT INTO mailbox_sync (tenant_id, user_id, resource, enabled) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, user_id, resource) DO UPDATE SET enabled = EXCLUDED.enabled,
       pending = mailbox_sync.pending OR EXCLUDED.enabled, updated_at = now()`,
    [...keyParams(key), enabled],
  );
}

/**
 * Takes the mailbox for one worker unless another holds an unexpired lease. One UPDATE decides, so
 * two workers started together cannot both win; a lease left by a crashed worker expires by itself.
 */
export async function claim(db: Queryable, key: MailboxKey, worker: string, leaseSeconds: number): Promise<ClaimedSync | null> {
  const rows = await db.query<Row>(
    `UPDATE mailbox_sync s SET claimed_by = $4, claimed_until = now() + make_interval(secs => $5), status = 'syncing', pending = false, updated_at = now()
     FROM users u
     WHERE s.tenant_id = $1 AND s.user_id = $2 AND s.resource = $3 AND s.enabled
       AND (s.claimed_until IS NULL OR s.claimed_until < now())
       AND u.tenant_id = s.tenant_id AND u.id = s.user_id
     RETURNING s.*, u.entra_oid`,
    [...keyParams(key), worker, leaseSeconds],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    ...key,
    mailbox: str(row, 'entra_oid'),
    stage: str(row, 'stage'),
    deltaLink: strOrNull(row, 'delta_link'),
    nextLink: strOrNull(row, 'next_link'),
    pagesDone: numOf(row, 'pages_done'),
    itemsDone: numOf(row, 'items_done'),
    folderId: strOrNull(row, 'folder_id'),
    fullResync: Boolean(row.full_resync),
    windowStartedAt: row.window_started_at ? new Date(String(row.window_started_at)) : null,
    failureCount: numOf(row, 'failure_count'),
  };
}

export interface Progress {
  stage: string;
  nextLink: string | null;
  pagesDone: number;
  itemsDone: number;
  folderId?: string | null;
  windowStartedAt?: Date | null;
  /** Set when the last page of a pass arrived, before the contacts push finishes the run. */
  deltaLink?: string | null;
}

/**
 * Records progress inside the transaction that wrote the page's records, and renews the lease. It
 * refuses (returns false) when the lease was lost, so a stalled worker's late page rolls back.
 */
export async function saveProgress(tx: Queryable, key: MailboxKey, worker: string, progress: Progress, leaseSeconds: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE mailbox_sync SET stage = $5, next_link = $6, pages_done = $7, items_done = $8,
       folder_id = COALESCE($9, folder_id), window_started_at = COALESCE($10, window_started_at), delta_link = COALESCE($12, delta_link),
       full_resync = CASE WHEN $12::text IS NULL THEN full_resync ELSE false END,
       claimed_until = now() + make_interval(secs => $11), updated_at = now()
     WHERE ${KEY} AND claimed_by = $4 RETURNING 1`,
    [
      ...keyParams(key),
      worker,
      progress.stage,
      progress.nextLink,
      progress.pagesDone,
      progress.itemsDone,
      progress.folderId ?? null,
      progress.windowStartedAt ?? null,
      leaseSeconds,
      progress.deltaLink ?? null,
    ],
  );
  return rows.length > 0;
}

export async function complete(tx: Queryable, key: MailboxKey, worker: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE mailbox_sync SET status = 'active', stage = 'incremental', next_link = NULL, full_resync = false,
       last_success_at = now(), last_error = NULL, missing_permission = NULL, failure_count = 0, retry_after = NULL,
       claimed_by = NULL, claimed_until = NULL, updated_at = now()
     WHERE ${KEY} AND claimed_by = $4 RETURNING 1`,
    [...keyParams(key), worker],
  );
  return rows.length > 0;
}

/** Forgets the delta link (Graph lost the sync state, or the window moves): the next pass reads everything again. */
export async function restartDelta(tx: Queryable, key: MailboxKey, worker: string): Promise<void> {
  await tx.query(
    `UPDATE mailbox_sync SET delta_link = NULL, next_link = NULL, stage = 'initial', pages_done = 0, items_done = 0, window_started_at = NULL, updated_at = now()
     WHERE ${KEY} AND claimed_by = $4`,
    [...keyParams(key), worker],
  );
}

export interface Failure {
  status: 'needs_permission' | 'failed';
  error: string;
  missingPermission?: string;
  retryAfterSeconds: number;
}

/** Keeps the paged progress (next run resumes), releases the claim and backs off. */
export async function fail(db: Queryable, key: MailboxKey, worker: string, failure: Failure): Promise<void> {
  await db.query(
    `UPDATE mailbox_sync SET status = $5, last_error = $6, missing_permission = $7, failure_count = failure_count + 1,
       retry_after = now() + make_interval(secs => $8), claimed_by = NULL, claimed_until = NULL, updated_at = now()
     WHERE ${KEY} AND claimed_by = $4`,
    [...keyParams(key), worker, failure.status, failure.error.slice(0, 2000), failure.missingPermission ?? null, failure.retryAfterSeconds],
  );
}

/** A change notification or a manual request: sync soon, and resync fully when Graph says notifications were missed. */
export async function markPending(db: Queryable, key: MailboxKey, fullResync = false): Promise<void> {
  await db.query(`UPDATE mailbox_sync SET pending = true, full_resync = full_resync OR $4, updated_at = now() WHERE ${KEY}`, [...keyParams(key), fullResync]);
}

/** An admin asked for a full pass: the next run of these mailboxes reads everything, not only the changes. */
export async function requestFullResync(db: Queryable, tenantId: string, filter: { userId?: string; resource?: SyncResource }): Promise<void> {
  await db.query(
    `UPDATE mailbox_sync SET full_resync = true, updated_at = now()
     WHERE tenant_id = $1 AND enabled AND ($2::uuid IS NULL OR user_id = $2) AND ($3::text IS NULL OR resource = $3)`,
    [tenantId, filter.userId ?? null, filter.resource ?? null],
  );
}

/**
 * A full calendar pass over [from, to) starts now: links to meetings inside that window it does not refresh by its end
 * belong to deleted events. The pass reads every event again, so what it cannot read is listed anew.
 */
export async function startWindow(db: Queryable, key: MailboxKey, worker: string, window: { from: Date; to: Date }): Promise<void> {
  await db.query(
    `UPDATE mailbox_sync SET window_started_at = now(), window_from = $5, window_to = $6, unreadable = '{}', updated_at = now()
     WHERE ${KEY} AND claimed_by = $4`,
    [...keyParams(key), worker, window.from, window.to],
  );
}

/** Inside a page's transaction: events read now leave the list of unreadable ones, events that could not be read join it. */
export async function recordUnreadable(
  tx: Queryable,
  key: MailboxKey,
  read: readonly string[],
  unreadable: readonly { providerId: string; reason: string }[],
): Promise<void> {
  if (unreadable.length === 0) {
    if (read.length === 0) return;
    // Most pages: nothing to add, and the update only matters when something on the list was read at last.
    await tx.query(`UPDATE mailbox_sync SET unreadable = unreadable - $4::text[] WHERE ${KEY} AND unreadable ?| $4::text[]`, [...keyParams(key), [...read]]);
    return;
  }
  await tx.query(`UPDATE mailbox_sync SET unreadable = (unreadable - $4::text[]) || $5::jsonb WHERE ${KEY}`, [
    ...keyParams(key),
    [...read],
    JSON.stringify(Object.fromEntries(unreadable.map((u) => [u.providerId, u.reason.slice(0, 300)]))),
  ]);
}

/**
 * Work for the timer, across tenants (the timer acts for every tenant that connected the app):
 * pending mailboxes and those not synced for a period, not backing off, not held by a live worker.
 */
export async function dueMailboxes(db: Queryable, periodSeconds: number): Promise<MailboxKey[]> {
  const rows = await db.query<Row>(
    `SELECT s.tenant_id, s.user_id, s.resource FROM mailbox_sync s JOIN tenants t ON t.tenant_id = s.tenant_id
     WHERE s.enabled AND COALESCE((t.settings -> 'graphSync' ->> 'connected')::boolean, false)
       AND (s.pending OR s.last_success_at IS NULL OR s.last_success_at < now() - make_interval(secs => $1))
       AND (s.retry_after IS NULL OR s.retry_after < now())
       AND (s.claimed_until IS NULL OR s.claimed_until < now())
     ORDER BY s.pending DESC, s.last_success_at NULLS FIRST LIMIT 500`,
    [periodSeconds],
  );
  return rows.map((r) => ({ tenantId: str(r, 'tenant_id'), userId: str(r, 'user_id'), resource: str(r, 'resource') as SyncResource }));
}

export async function enabledMailboxes(db: Queryable, tenantId: string, filter: { userId?: string; resource?: SyncResource }): Promise<MailboxKey[]> {
  const rows = await db.query<Row>(
    `SELECT user_id, resource FROM mailbox_sync WHERE tenant_id = $1 AND enabled AND ($2::uuid IS NULL OR user_id = $2) AND ($3::text IS NULL OR resource = $3)
     ORDER BY user_id, resource`,
    [tenantId, filter.userId ?? null, filter.resource ?? null],
  );
  return rows.map((r) => ({ tenantId, userId: str(r, 'user_id'), resource: str(r, 'resource') as SyncResource }));
}

export async function listSyncStates(db: Queryable, tenantId: string, userId: string | null): Promise<MailboxSyncState[]> {
  const rows = await db.query<Row>(
    `SELECT s.*, u.display_name FROM mailbox_sync s JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
     WHERE s.tenant_id = $1 AND ($2::uuid IS NULL OR s.user_id = $2) ORDER BY u.display_name, s.user_id, s.resource`,
    [tenantId, userId],
  );
  return rows.map((r) => ({
    userId: str(r, 'user_id'),
    displayName: str(r, 'display_name'),
    resource: str(r, 'resource') as SyncResource,
    enabled: Boolean(r.enabled),
    status: str(r, 'status') as MailboxSyncState['status'],
    stage: str(r, 'stage'),
    pending: Boolean(r.pending),
    pagesDone: numOf(r, 'pages_done'),
    itemsDone: numOf(r, 'items_done'),
    lastSuccessAt: isoOrNull(r.last_success_at),
    lastError: strOrNull(r, 'last_error'),
    missingPermission: strOrNull(r, 'missing_permission'),
    failureCount: numOf(r, 'failure_count'),
    unreadable: Object.entries((r.unreadable ?? {}) as Record<string, string>)
      .map(([id, reason]) => ({ id, reason }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  }));
}
