// The possible-duplicate counts the insights' data quality shows, asked for by every refresh of a tenant's analysis.
// Counting the account pairs takes pg_trgm's similar-key join and the import rules on every candidate (about a minute
// on the large benchmark tenant, 432,796 pairs), while the count changes only when a name, a customer number or a
// domain link does. So the database keeps each tenant's pairs beside a fingerprint of what the rules read of each
// account (duplicate-counts-store.ts): a refresh pairs again only the accounts whose fingerprint changed, on any host
// and after a restart. The contacts' count is kept beside a digest of their names and accounts, counted again when it
// changed.
import { createHash } from 'node:crypto';
import type { AccountRecord, DomainLink } from './pairs';

/** A digest of the rows in any order: the same records read in another order give the same digest. */
export function inputDigest(rows: ReadonlyArray<readonly unknown[]>): string {
  const hash = createHash('sha256');
  for (const line of rows.map((row) => JSON.stringify(row)).sort()) hash.update(line).update('\n');
  return hash.digest('base64url');
}

const linkKey = (l: DomainLink) => `${l.accountId} ${l.domainAccountId} ${l.domain}`;

/** Per account, a digest of what the pairing rules read of it: its name, its customer number and its domain links. */
export function accountFingerprints(accounts: readonly AccountRecord[], links: readonly DomainLink[]): Map<string, string> {
  const linksOf = new Map<string, string[]>();
  for (const l of links) {
    for (const id of [l.accountId, l.domainAccountId]) linksOf.set(id, [...(linksOf.get(id) ?? []), linkKey(l)]);
  }
  return new Map(accounts.map((a) => [a.id, inputDigest([[a.name, a.customerNumber], ...(linksOf.get(a.id) ?? []).map((k) => [k])])]));
}

/** The accounts whose pairs may differ between two readings: added, removed, renamed, renumbered, or linked anew. */
export function changedAccounts(stored: ReadonlyMap<string, string>, current: ReadonlyMap<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const [id, fingerprint] of current) if (stored.get(id) !== fingerprint) changed.add(id);
  for (const id of stored.keys()) if (!current.has(id)) changed.add(id);
  return changed;
}
