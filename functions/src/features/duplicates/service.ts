// Possible duplicates (read) and merging two records with all their history (manage), undoable.
import type { AccountDuplicate, ContactDuplicate, DuplicateQuery } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { decodeCursor, encodeCursor } from '../../core/db/paging';
import { etagOf } from '../../core/db/rows';
import { accountNameKey, accountPairs, byScore, contactPairs, type AccountPair, type ContactPair } from './pairs';
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

export async function accountDuplicates(db: Db, actor: Actor, query: DuplicateQuery): Promise<{ items: AccountDuplicate[]; nextCursor: string | null }> {
  const { accounts, links, similar } = await db.transaction(async (tx) => {
    const accounts = await accountRecords(tx, actor.tenantId);
    return {
      accounts,
      links: await domainLinks(tx, actor.tenantId),
      similar: await similarKeyPairs(
        tx,
        accounts.map((a) => accountNameKey(a.name)),
      ),
    };
  });
  return page(byScore(accountPairs(accounts, similar, links)), query, (p) => ({ ...p, first: accountRef(p.first), second: accountRef(p.second) }));
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
  const pairs = byScore(contactPairs(await contactRecords(db, actor.tenantId)));
  return page(pairs, query, (p) => ({ ...p, first: contactRef(p.first), second: contactRef(p.second) }));
}
