// The possible-duplicate counts the insights' data quality shows, asked for by every refresh of a tenant's analysis.
// Counting the account pairs takes pg_trgm's similar-key join and the import rules on every candidate (about a minute
// on the large benchmark tenant, 432,796 pairs), while the count changes only when a name, a customer number or a
// domain link does. So a host keeps each tenant's counts beside a digest of exactly what the rules read, and counts a
// kind (accounts, contacts) again only when its inputs changed. Kept in memory, not in the database: a host that starts
// with changed rules counts afresh.
import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/db';

export type CountKind = 'accounts' | 'contacts';

/** Tenants one host keeps counts for; beyond them the longest unused is dropped and counted again when asked. */
export const HELD_COUNT_TENANTS = 1000;

const held = new WeakMap<Db, Map<string, Map<CountKind, { digest: string; count: number }>>>();

/** A digest of the rows in any order: the same records read in another order give the same digest. */
export function inputDigest(rows: ReadonlyArray<readonly unknown[]>): string {
  const hash = createHash('sha256');
  for (const line of rows.map((row) => JSON.stringify(row)).sort()) hash.update(line).update('\n');
  return hash.digest('base64url');
}

/** The count held for these inputs' digest, or `count()`'s, then held. */
export async function heldCount(db: Db, tenantId: string, kind: CountKind, digest: string, count: () => Promise<number>): Promise<number> {
  let tenants = held.get(db);
  if (!tenants) held.set(db, (tenants = new Map()));
  const counts = tenants.get(tenantId) ?? new Map<CountKind, { digest: string; count: number }>();
  // Re-inserted, so the map's first key is the tenant asked for longest ago.
  tenants.delete(tenantId);
  tenants.set(tenantId, counts);
  if (tenants.size > HELD_COUNT_TENANTS) tenants.delete(tenants.keys().next().value!);
  const known = counts.get(kind);
  if (known?.digest === digest) return known.count;
  const fresh = await count();
  counts.set(kind, { digest, count: fresh });
  return fresh;
}
