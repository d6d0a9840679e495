// Possible duplicates (read) and merging two records with all their history (manage), undoable.
import { DuplicateQuery, type AccountDuplicate, type ContactDuplicate } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { decodeCursor, encodeCursor } from '../../core/db/paging';
import { etagOf } from '../../core/db/rows';
import { accountNameKey, accountPairs, byScore, contactPairCount, contactPairs, type AccountPair, type AccountRecord, type ContactPair, type DomainLink } from './pairs';
import { heldCount, inputDigest } from './duplicate-counts';
import { accountRecords, contactRecords, domainLinks, similarKeyPairs } from './store';

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

/**
 * How many pairs the possible duplicates lists hold at their default threshold: the insights' data quality counts them
 * on every refresh, so each kind is counted again only when what its rules read changed (duplicate-counts.ts).
 */
export async function possibleDuplicateCounts(db: Db, tenantId: string): Promise<{ accounts: number; contacts: number }> {
  const { minScore } = DuplicateQuery.parse({});
  const [{ accounts, links }, people] = await Promise.all([accountInputs(db, tenantId), contactRecords(db, tenantId)]);
  const accountDigest = inputDigest([
    ...accounts.map((a) => ['account', a.id, a.name, a.customerNumber]),
    ...links.map((l) => ['link', l.accountId, l.domainAccountId, l.domain]),
  ]);
  const [accountCount, contactCount] = await Promise.all([
    heldCount(db, tenantId, 'accounts', accountDigest, async () => (await pairsAmong(db, accounts, links)).filter((p) => p.score >= minScore).length),
    heldCount(db, tenantId, 'contacts', inputDigest(people.map((c) => [c.id, c.firstName, c.lastName, c.accountId])), async () => contactPairCount(people, minScore)),
  ]);
  return { accounts: accountCount, contacts: contactCount };
}
