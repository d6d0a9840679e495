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
  contactPairs,
  type AccountPair,
  type AccountRecord,
  type ContactPair,
  type ContactRecord,
  type DomainLink,
} from './pairs';
import { changedAccounts, heldCounts, inputDigest, type HeldAccounts } from './duplicate-counts';
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

/** The accounts' pairs at `minScore`: from the held count and the pairs the changed accounts had and have, or all afresh. */
async function accountPairCount(db: Db, tenantId: string, accounts: AccountRecord[], links: DomainLink[], minScore: number): Promise<number> {
  const held = heldCounts(db, tenantId);
  const before = held.accounts;
  const changed = before ? changedAccounts(before, accounts, links) : null;
  const touching = async (state: Pick<HeldAccounts, 'accounts' | 'links'>, ids: Set<string>) => {
    const probes = state.accounts.filter((a) => ids.has(a.id)).map((a) => accountNameKey(a.name));
    const keys = state.accounts.map((a) => accountNameKey(a.name));
    const similar = await db.transaction((tx) => similarKeyPairsOf(tx, keys, probes));
    return accountPairsTouching(state.accounts, similar, state.links, ids, minScore);
  };
  let count: number;
  if (before && changed && changed.size === 0) count = before.count;
  else if (before && changed && changed.size <= Math.max(PAIRED_BY_CHANGE, accounts.length / 4))
    count = before.count - (await touching(before, changed)) + (await touching({ accounts, links }, changed));
  else count = (await pairsAmong(db, accounts, links)).filter((p) => p.score >= minScore).length;
  held.accounts = { accounts, links, count };
  return count;
}

/** The contacts' pairs at `minScore`: held while their names and accounts are the same, else counted without making the pairs. */
function contactCount(db: Db, tenantId: string, people: ContactRecord[], minScore: number): number {
  const held = heldCounts(db, tenantId);
  const digest = inputDigest(people.map((c) => [c.id, c.firstName, c.lastName, c.accountId]));
  if (held.contacts?.digest !== digest) held.contacts = { digest, count: contactPairCount(people, minScore) };
  return held.contacts.count;
}

/**
 * How many pairs the possible duplicates lists hold at their default threshold: the insights' data quality counts them
 * on every refresh, so a host counts again only what changed since (duplicate-counts.ts).
 */
export async function possibleDuplicateCounts(db: Db, tenantId: string): Promise<{ accounts: number; contacts: number }> {
  const { minScore } = DuplicateQuery.parse({});
  const [{ accounts, links }, people] = await Promise.all([accountInputs(db, tenantId), contactRecords(db, tenantId)]);
  return { accounts: await accountPairCount(db, tenantId, accounts, links, minScore), contacts: contactCount(db, tenantId, people, minScore) };
}
