// A read never waits for a refresh of a stale analysis (issue 15): it answers the stored figures marked stale and starts
// the refresh here, after its answer. At most one per tenant runs in this process; across processes the analysis' lease
// and the claim's check for another period's lease keep it to one (current-store.ts). A refresh that fails or dies
// leaves the previous figures and the dirty set, so nothing is lost: the next read or the timer starts it again.
import type { Db } from '../../core/db/db';
import { redactedError } from '../../core/redacted-error';

const running = new WeakMap<Db, Map<string, Promise<void>>>();

/** Starts `refresh` for the tenant unless one of this process is under way; never throws, logs a failure. */
export function refreshInBackground(db: Db, tenantId: string, refresh: () => Promise<unknown>): void {
  let tenants = running.get(db);
  if (!tenants) running.set(db, (tenants = new Map()));
  if (tenants.has(tenantId)) return;
  const work = Promise.resolve()
    .then(refresh)
    .then(
      () => undefined,
      (error: unknown) => console.error('insights: a background refresh failed', redactedError(error)),
    )
    .finally(() => tenants.delete(tenantId));
  tenants.set(tenantId, work);
}

/** Resolves when the background refreshes this process runs on `db` have ended: for shutdown and tests. */
export async function backgroundRefreshesDone(db: Db): Promise<void> {
  await Promise.all([...(running.get(db)?.values() ?? [])]);
}
