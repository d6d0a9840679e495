// The record of writes to a tenant's people (migrations 0036, 0038) that held segment lists are checked against.
// Every statement filters by tenant_id, but the pruning, which keeps every tenant's record to its last hour.
import type { Queryable } from '../../core/db/db';

/** The database's snapshot now: what a read made after it sees at least. */
export const currentSnapshot = async (db: Queryable, tenantId: string) =>
  (await db.query<{ s: string }>(`SELECT people_snapshot($1) AS s`, [tenantId]))[0]!.s;

/** Whether a transaction not visible in `snapshot` has since written people of these accounts (one index range). */
export const writtenSince = async (db: Queryable, tenantId: string, snapshot: string, accounts: readonly string[]) =>
  (await db.query<{ written: boolean }>(`SELECT people_written_since($1, $2, $3::uuid[]) AS written`, [tenantId, snapshot, [...accounts]]))[0]!.written;

/** Deletes recorded changes older than `age` (an SQL interval); answers how many. */
export async function deleteChangesOlderThan(db: Queryable, age: string): Promise<number> {
  const rows = await db.query<{ n: string }>(
    `WITH gone AS (DELETE FROM people_changes WHERE written_at < clock_timestamp() - $1::interval RETURNING 1) SELECT count(*) AS n FROM gone`,
    [age],
  );
  return Number(rows[0]!.n);
}
