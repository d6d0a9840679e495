// Possible duplicates (read) and merging two records with all their history (manage), undoable.
import { DuplicateQuery, type AccountDuplicate, type ContactDuplicate } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { decodeCursor, encodeCursor } from '../../core/db/paging';
import { etagOf } from '../../core/db/rows';
import {
  accountNameKey,
  accountPairs,
  accountPairsTouching,
  byScore,
  contactPairCount,
  pairedContactsByAccount,
  contactPairs,
  type AccountPair,
  type AccountRecord,
  type ContactPair,
  type DomainLink,
} from './pairs';
import { accountFingerprints, changedAccounts, inputDigest } from './duplicate-counts';
import { saveCounts, storedCounts, storedPairsOfAccount, storedPairsTouching, type CountsWrite, type StoredCounts } from './duplicate-counts-store';
import { accountRecords, contactRecords, domainLinks, similarKeyPairs, similarKeyPairsOf } from './store';

/** The pairs are computed whole, then cut into pages; the cursor is the position after the last pair sent. */
function page<P extends { score: number }, T>(pairs: P[], query: DuplicateQuery, map: (pair: P) => T) {
  const from = Number(decodeCursor(query.cursor, ['text'])?.[0] ?? 0);
  const kept = pairs.filter((p) => p.score >= query.minScore);
  const items = kept.slice(from, from + query.limit).map(map);
  return { items, nextCursor: from + query.limit < kept.length ? encodeCursor([String(from + query.limit)]) : null };
}

const accountRef = (a: AccountPair['first']) => ({
  id: a.id,
  etag: etagOf(a.version),
  name: a.name,
  legalForm: a.legalForm,
  customerNumber: a.customerNumber,
  domains: a.domains,
});

/** The tenant's possible duplicate accounts by the import's rules, strongest first. */
async function accountPairsOf(db: Db, tenantId: string): Promise<AccountPair[]> {
  const { accounts, links } = await accountInputs(db, tenantId);
  return byScore(await pairsAmong(db, accounts, links));
}

const accountInputs = (db: Db, tenantId: string) =>
  db.transaction(async (tx) => ({ accounts: await accountRecords(tx, tenantId), links: await domainLinks(tx, tenantId) }));

const pairsAmong = async (db: Db, accounts: AccountRecord[], links: DomainLink[]) =>
  accountPairs(accounts, await db.transaction((tx) => similarKeyPairs(tx, accounts.map((a) => accountNameKey(a.name)))), links);

const contactPairsOf = async (db: Db, tenantId: string): Promise<ContactPair[]> => byScore(contactPairs(await contactRecords(db, tenantId)));

export async function accountDuplicates(db: Db, actor: Actor, query: DuplicateQuery): Promise<{ items: AccountDuplicate[]; nextCursor: string | null }> {
  return page(await accountPairsOf(db, actor.tenantId), query, (p) => ({ ...p, first: accountRef(p.first), second: accountRef(p.second) }));
}

const contactRef = (c: ContactPair['first']) => ({
  id: c.id,
  etag: etagOf(c.version),
  displayName: [c.firstName, c.lastName].filter(Boolean).join(' '),
  emails: c.emails,
  accountId: c.accountId,
  accountName: c.accountName,
});

export async function contactDuplicates(db: Db, actor: Actor, query: DuplicateQuery): Promise<{ items: ContactDuplicate[]; nextCursor: string | null }> {
  return page(await contactPairsOf(db, actor.tenantId), query, (p) => ({ ...p, first: contactRef(p.first), second: contactRef(p.second) }));
}

/** Up to this many changed accounts (or a quarter of them) are paired again by themselves rather than the whole tenant. */
const PAIRED_BY_CHANGE = 100;

const idsOf = (pairs: readonly AccountPair[]) => pairs.map((p) => [p.first.id, p.second.id] as const);

/**
 * The accounts' pairs at `minScore` and what to store of them: the stored count when no account changed, the stored
 * count less the changed accounts' stored pairs plus their pairs now, or all pairs afresh.
 */
async function accountPairCount(
  db: Db,
  tenantId: string,
  stored: StoredCounts | null,
  accounts: AccountRecord[],
  links: DomainLink[],
  minScore: number,
): Promise<{ count: number; write: CountsWrite['accounts'] }> {
  const fingerprints = accountFingerprints(accounts, links);
  const changed = stored ? changedAccounts(stored.fingerprints, fingerprints) : null;
  if (stored && changed && changed.size === 0) return { count: stored.accountPairs, write: { kind: 'unchanged' } };
  if (stored && changed && changed.size <= Math.max(PAIRED_BY_CHANGE, accounts.length / 4)) {
    const probes = accounts.filter((a) => changed.has(a.id)).map((a) => accountNameKey(a.name));
    const keys = accounts.map((a) => accountNameKey(a.name));
    const similar = await db.transaction((tx) => similarKeyPairsOf(tx, keys, probes));
    const fresh = accountPairsTouching(accounts, similar, links, changed, minScore);
    const before = await storedPairsTouching(db, tenantId, [...changed]);
    const ids = [...changed];
    return {
      count: stored.accountPairs - before + fresh.length,
      write: { kind: 'changed', changed: ids, fingerprints: new Map(ids.filter((id) => fingerprints.has(id)).map((id) => [id, fingerprints.get(id)!])), pairs: idsOf(fresh) },
    };
  }
  const all = (await pairsAmong(db, accounts, links)).filter((p) => p.score >= minScore);
  return { count: all.length, write: { kind: 'all', fingerprints, pairs: idsOf(all) } };
}

/**
 * How many pairs the possible duplicates lists hold at their default threshold: the insights' data quality counts them
 * on every refresh, so a refresh counts again only what changed since the stored count (duplicate-counts.ts).
 */
/**
 * How many other accounts the possible-duplicates list pairs with this one at its default score, as of the last count
 * (every refresh of the insights counts); null before the first count.
 */
export async function possibleDuplicatesOf(db: Db, tenantId: string, accountId: string): Promise<{ accounts: number | null; contacts: number | null }> {
  const { minScore, pairs, pairedContacts } = await storedPairsOfAccount(db, tenantId, accountId);
  return minScore === DuplicateQuery.parse({}).minScore ? { accounts: pairs, contacts: pairedContacts } : { accounts: null, contacts: null };
}

export async function possibleDuplicateCounts(db: Db, tenantId: string): Promise<{ accounts: number; contacts: number }> {
  const { minScore } = DuplicateQuery.parse({});
  const [found, { accounts, links }, people] = await Promise.all([storedCounts(db, tenantId), accountInputs(db, tenantId), contactRecords(db, tenantId)]);
  const stored = found && found.minScore === minScore ? found : null;
  const accountCount = await accountPairCount(db, tenantId, stored, accounts, links, minScore);
  const contactsDigest = inputDigest(people.map((c) => [c.id, c.firstName, c.lastName, c.accountId]));
  const recount = stored?.contactsDigest !== contactsDigest;
  const contacts = recount ? contactPairCount(people, minScore) : stored.contactsCount;
  const pairedContacts = recount ? pairedContactsByAccount(people, minScore) : null;
  if (!found || found !== stored || accountCount.write.kind !== 'unchanged' || recount) {
    await saveCounts(db, tenantId, found?.generation ?? null, { minScore, contactsDigest, contactsCount: contacts, pairedContacts, accounts: accountCount.write });
  }
  return { accounts: accountCount.count, contacts };
}
