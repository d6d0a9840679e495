// The possible-duplicate counts the insights' data quality shows, asked for by every refresh of a tenant's analysis.
// Counting the account pairs takes pg_trgm's similar-key join and the import rules on every candidate (about a minute
// on the large benchmark tenant, 432,796 pairs), while the count changes only when a name, a customer number or a
// domain link does. So a host keeps each tenant's counts beside what their rules read: the contacts' count beside a
// digest of their names and accounts, counted again when it changed; the accounts' count beside their records and
// links, from which a change's few accounts are paired again (accountPairsTouching). Kept in memory, not in the
// database: a host that starts with changed rules counts afresh.
import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/db';
import type { AccountRecord, DomainLink } from './pairs';

/** What the accounts' count was made from. */
export interface HeldAccounts {
  accounts: readonly AccountRecord[];
  links: readonly DomainLink[];
  count: number;
}

interface Held {
  accounts?: HeldAccounts;
  contacts?: { digest: string; count: number };
}

/** Tenants one host keeps counts for; beyond them the longest unused is dropped and counted afresh when asked. */
const HELD_COUNT_TENANTS = 200;

const held = new WeakMap<Db, Map<string, Held>>();

/** The tenant's held counts, to read and replace; the tenant becomes the most recently used. */
export function heldCounts(db: Db, tenantId: string): Held {
  let tenants = held.get(db);
  if (!tenants) held.set(db, (tenants = new Map()));
  const counts = tenants.get(tenantId) ?? {};
  // Re-inserted, so the map's first key is the tenant asked for longest ago.
  tenants.delete(tenantId);
  tenants.set(tenantId, counts);
  if (tenants.size > HELD_COUNT_TENANTS) tenants.delete(tenants.keys().next().value!);
  return counts;
}

/** A digest of the rows in any order: the same records read in another order give the same digest. */
export function inputDigest(rows: ReadonlyArray<readonly unknown[]>): string {
  const hash = createHash('sha256');
  for (const line of rows.map((row) => JSON.stringify(row)).sort()) hash.update(line).update('\n');
  return hash.digest('base64url');
}

const linkKey = (l: DomainLink) => `${l.accountId} ${l.domainAccountId} ${l.domain}`;

/** The accounts whose pairs may differ between two readings: added, removed, renamed, renumbered, or linked anew. */
export function changedAccounts(before: HeldAccounts, accounts: readonly AccountRecord[], links: readonly DomainLink[]): Set<string> {
  const changed = new Set<string>();
  const old = new Map(before.accounts.map((a) => [a.id, a]));
  for (const a of accounts) {
    const b = old.get(a.id);
    if (!b || b.name !== a.name || b.customerNumber !== a.customerNumber) changed.add(a.id);
    old.delete(a.id);
  }
  for (const id of old.keys()) changed.add(id);
  const oldLinks = new Set(before.links.map(linkKey));
  const newLinks = new Set(links.map(linkKey));
  for (const l of [...links.filter((l) => !oldLinks.has(linkKey(l))), ...before.links.filter((l) => !newLinks.has(linkKey(l)))]) {
    changed.add(l.accountId);
    changed.add(l.domainAccountId);
  }
  return changed;
}
