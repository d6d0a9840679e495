// The record of writes to a tenant's people (migrations 0036, 0038, 0039) that held segment lists are checked against.
// Every statement filters by tenant_id, but the pruning, which keeps every tenant's record to its last hour.
import type { Queryable } from '../../core/db/db';

/** What a change that concerns every list records instead of an account (migration 0038). */
export const EVERY_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/** The database's snapshot now: what a read made after it sees at least. */
export const currentSnapshot = async (db: Queryable, tenantId: string) =>
  (await db.query<{ s: string }>(`SELECT people_snapshot($1) AS s`, [tenantId]))[0]!.s;

/**
 * Which of these accounts' people a transaction not visible in `held` has written since (the nil id: every account's),
 * and the snapshot the answer was found in, which a read after it can be held by. The accounts come joined by commas
 * and go as the array literal's text: the driver escaping a thousand ids one by one cost more than the statement.
 */
export async function changedSince(db: Queryable, tenantId: string, held: string, accounts: string) {
  const rows = await db.query<{ snapshot: string; changed: string[] }>(`SELECT snapshot, changed::text[] AS changed FROM people_changed_since($1, $2, $3::uuid[])`, [
    tenantId,
    held,
    `{${accounts}}`,
  ]);
  return rows[0]!;
}

/** Deletes recorded changes older than `age` (an SQL interval); answers how many. */
export async function deleteChangesOlderThan(db: Queryable, age: string): Promise<number> {
  const rows = await db.query<{ n: string }>(
    `WITH gone AS (DELETE FROM people_changes WHERE written_at < clock_timestamp() - $1::interval RETURNING 1) SELECT count(*) AS n FROM gone`,
    [age],
  );
  return Number(rows[0]!.n);
}
