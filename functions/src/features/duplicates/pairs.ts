// The possible duplicates among a tenant's records, by the import's rules (docs/IMPORTS.md "Matching"): pure, so the
// rules are tested without a database; the store supplies the records and pg_trgm's similar name keys.
import { comparePersons, compareCompanies, numberKey, parseCompanyName, parsePersonName } from '../imports';

export interface AccountRecord {
  id: string;
  version: number;
  name: string;
  customerNumber: string | null;
  domains: string[];
}

export interface AccountPair {
  first: AccountRecord & { legalForm: string | null };
  second: AccountRecord & { legalForm: string | null };
  score: number;
  kind: 'customer_number' | 'email_domain' | 'same_name' | 'legal_form_differs' | 'similar_name';
  differentLegalEntities: boolean;
  reason: string;
}

/** Account a has contacts writing from a domain registered on account b. */
export interface DomainLink {
  accountId: string;
  domainAccountId: string;
  domain: string;
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

function groupsOf<T>(items: readonly T[], key: (item: T) => string | null): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === '') continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

function* pairsIn<T>(group: readonly T[]): Generator<[T, T]> {
  for (let i = 0; i < group.length; i += 1) for (let j = i + 1; j < group.length; j += 1) yield [group[i]!, group[j]!];
}

/** Name keys of the accounts, the folded base without the legal form, for pg_trgm's similar-name search. */
export const accountNameKey = (name: string): string => parseCompanyName(name).key;

/**
 * Candidates by customer number, by a contact's email domain registered on the other account, and by name: the same
 * folded name, the same name in another legal form (never the same company without a person saying so), and the
 * similar keys pg_trgm found. One pair per two accounts, with its strongest reason.
 */
export function accountPairs(
  accounts: readonly AccountRecord[],
  similarKeys: ReadonlyArray<readonly [string, string]>,
  domainLinks: readonly DomainLink[],
): AccountPair[] {
  const parsed = new Map(accounts.map((a) => [a.id, { record: a, name: parseCompanyName(a.name) }]));
  const candidates = new Map<string, { a: string; b: string; number: boolean; domain: string | null }>();
  const note = (a: string, b: string, fact: { number?: boolean; domain?: string }) => {
    if (a === b) return;
    const key = pairKey(a, b);
    const entry = candidates.get(key) ?? { a: a < b ? a : b, b: a < b ? b : a, number: false, domain: null };
    if (fact.number) entry.number = true;
    if (fact.domain) entry.domain = fact.domain;
    candidates.set(key, entry);
  };
  for (const group of groupsOf(accounts, (a) => (a.customerNumber ? numberKey(a.customerNumber) : null))) {
    for (const [a, b] of pairsIn(group)) note(a.id, b.id, { number: true });
  }
  for (const link of domainLinks) note(link.accountId, link.domainAccountId, { domain: link.domain });
  const all = [...parsed.values()];
  for (const group of groupsOf(all, (p) => p.name.key)) for (const [a, b] of pairsIn(group)) note(a.record.id, b.record.id, {});
  for (const group of groupsOf(all, (p) => p.name.looseKey)) for (const [a, b] of pairsIn(group)) note(a.record.id, b.record.id, {});
  const byKey = new Map<string, string[]>();
  for (const p of all) byKey.set(p.name.key, [...(byKey.get(p.name.key) ?? []), p.record.id]);
  for (const [x, y] of similarKeys) for (const a of byKey.get(x) ?? []) for (const b of byKey.get(y) ?? []) note(a, b, {});

  const pairs: AccountPair[] = [];
  for (const { a, b, number, domain } of candidates.values()) {
    const left = parsed.get(a)!;
    const right = parsed.get(b)!;
    const names = compareCompanies(left.name, right.name);
    const differentLegalEntities = names.kind === 'legal_form_differs';
    const first = { ...left.record, legalForm: left.name.legalForm };
    const second = { ...right.record, legalForm: right.name.legalForm };
    const nameReason = names.kind === 'different' ? 'the names differ' : names.reason;
    if (number) {
      pairs.push({
        first,
        second,
        score: 1,
        kind: 'customer_number',
        differentLegalEntities,
        reason: `the same customer number ${left.record.customerNumber}; ${nameReason}`,
      });
    } else if (names.kind === 'same') {
      pairs.push({ first, second, score: 1, kind: 'same_name', differentLegalEntities, reason: names.reason });
    } else if (names.kind === 'legal_form_differs') {
      pairs.push({ first, second, score: 1, kind: 'legal_form_differs', differentLegalEntities, reason: names.reason });
    } else if (domain) {
      pairs.push({
        first,
        second,
        score: 0.9,
        kind: 'email_domain',
        differentLegalEntities,
        reason: `contacts of one write from ${domain}, a domain of the other; ${nameReason}`,
      });
    } else if (names.kind === 'similar') {
      // Also below the threshold when only umlauts or double letters differ ("Müller" / "Muller"): for a person to look at.
      pairs.push({ first, second, score: names.score, kind: 'similar_name', differentLegalEntities, reason: names.reason });
    }
  }
  return pairs;
}

/**
 * accountPairs' pairs that hold one of `changed` and score at least `minScore`, from the accounts that can pair with a
 * changed one (the same customer number, name key or loose key, a domain link, a similar key): with the pairs stored
 * before a change, the pairs after it without pairing the whole tenant again. `similarKeys` need only be the pairs that
 * hold a changed account's key.
 */
export function accountPairsTouching(
  accounts: readonly AccountRecord[],
  similarKeys: ReadonlyArray<readonly [string, string]>,
  domainLinks: readonly DomainLink[],
  changed: ReadonlySet<string>,
  minScore: number,
): AccountPair[] {
  const named = accounts.map((record) => ({ record, name: parseCompanyName(record.name) }));
  const touched = named.filter((a) => changed.has(a.record.id));
  const numberOf = (a: AccountRecord) => (a.customerNumber ? numberKey(a.customerNumber) : '');
  const numbers = new Set(touched.map((a) => numberOf(a.record)));
  const keys = new Set([...touched.map((a) => a.name.key), ...similarKeys.flat()]);
  const looseKeys = new Set(touched.map((a) => a.name.looseKey));
  const links = domainLinks.filter((l) => changed.has(l.accountId) || changed.has(l.domainAccountId));
  const linked = new Set([...changed, ...links.flatMap((l) => [l.accountId, l.domainAccountId])]);
  for (const empty of [numbers, keys, looseKeys]) empty.delete('');
  const near = named.filter(
    (a) => linked.has(a.record.id) || numbers.has(numberOf(a.record)) || keys.has(a.name.key) || looseKeys.has(a.name.looseKey),
  );
  return accountPairs(
    near.map((a) => a.record),
    similarKeys,
    links,
  ).filter((p) => (changed.has(p.first.id) || changed.has(p.second.id)) && p.score >= minScore);
}

export interface ContactRecord {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  emails: string[];
  accountId: string | null;
  accountName: string | null;
}

export interface ContactPair {
  first: ContactRecord;
  second: ContactRecord;
  score: number;
  kind: 'same_name_same_account' | 'similar_name_same_account' | 'same_name_other_account';
  reason: string;
}

/** The same name at two companies (or without one) is worth a look, but weaker than a match within one account. */
const OTHER_ACCOUNT_SCORE = 0.6;

type NamedContact = { record: ContactRecord; name: ReturnType<typeof parsePersonName> };

const named = (contacts: readonly ContactRecord[]): NamedContact[] =>
  contacts.map((record) => ({ record, name: parsePersonName(record.firstName, record.lastName) }));

/** The same or a similar name within one account. */
function* sameAccountPairs(contacts: readonly NamedContact[]): Generator<ContactPair> {
  for (const group of groupsOf(contacts, (c) => c.record.accountId)) {
    for (const [a, b] of pairsIn(group)) {
      const names = comparePersons(a.name, b.name);
      if (names.kind === 'same')
        yield { first: a.record, second: b.record, score: 1, kind: 'same_name_same_account', reason: `${names.reason} at ${a.record.accountName}` };
      else if (names.kind === 'similar') {
        yield {
          first: a.record,
          second: b.record,
          score: names.score,
          kind: 'similar_name_same_account',
          reason: `${names.reason} at ${a.record.accountName}`,
        };
      }
    }
  }
}

/**
 * Candidates by name within the account, then the same name across accounts. Email addresses cannot pair two
 * contacts here: the CRM gives every normalised address to one contact only, so the import's first rule never fires
 * inside the CRM.
 */
export function contactPairs(contacts: readonly ContactRecord[]): ContactPair[] {
  const all = named(contacts);
  const pairs = [...sameAccountPairs(all)];
  for (const group of groupsOf(all, (c) => c.name.key)) {
    for (const [a, b] of pairsIn(group)) {
      if (a.record.accountId !== null && a.record.accountId === b.record.accountId) continue;
      const where =
        a.record.accountName && b.record.accountName ? `at ${a.record.accountName} and at ${b.record.accountName}` : 'one of them without a company';
      pairs.push({
        first: a.record,
        second: b.record,
        score: OTHER_ACCOUNT_SCORE,
        kind: 'same_name_other_account',
        reason: `the same first and last name, ${where}`,
      });
    }
  }
  return pairs;
}

const pairCount = (n: number) => (n * (n - 1)) / 2;

/**
 * How many of contactPairs' pairs score at least `minScore`, without making them: a common name at many accounts is
 * millions of pairs (4.1 million on the large benchmark tenant, 1.9 GB), and across accounts they all score alike, so
 * they are counted per name: all its pairs less those within one account.
 */
export function contactPairCount(contacts: readonly ContactRecord[], minScore: number): number {
  const all = named(contacts);
  let count = 0;
  for (const pair of sameAccountPairs(all)) if (pair.score >= minScore) count += 1;
  if (OTHER_ACCOUNT_SCORE < minScore) return count;
  for (const group of groupsOf(all, (c) => c.name.key)) {
    count += pairCount(group.length);
    for (const sameAccount of groupsOf(group, (c) => c.record.accountId)) count -= pairCount(sameAccount.length);
  }
  return count;
}

/**
 * Per account, how many of its contacts are in at least one of contactPairs' pairs scoring at least `minScore`: what
 * an account's data quality shows. Across accounts without making the pairs (see contactPairCount): a contact is in
 * one when its name's group holds someone at another account or without one.
 */
export function pairedContactsByAccount(contacts: readonly ContactRecord[], minScore: number): Map<string, number> {
  const all = named(contacts);
  const paired = new Set<string>();
  for (const pair of sameAccountPairs(all)) if (pair.score >= minScore) paired.add(pair.first.id).add(pair.second.id);
  if (OTHER_ACCOUNT_SCORE >= minScore) {
    for (const group of groupsOf(all, (c) => c.name.key)) {
      const atAccount = new Map<string, number>();
      for (const c of group) if (c.record.accountId !== null) atAccount.set(c.record.accountId, (atAccount.get(c.record.accountId) ?? 0) + 1);
      for (const c of group) if (c.record.accountId === null || atAccount.get(c.record.accountId)! < group.length) paired.add(c.record.id);
    }
  }
  const counts = new Map<string, number>();
  for (const c of contacts) if (c.accountId !== null && paired.has(c.id)) counts.set(c.accountId, (counts.get(c.accountId) ?? 0) + 1);
  return counts;
}

/** Strongest first; equal scores in a stable order so pages do not shift between calls. */
export const byScore = <P extends { score: number; first: { id: string }; second: { id: string } }>(pairs: P[]): P[] =>
  pairs.sort((x, y) => y.score - x.score || pairKey(x.first.id, x.second.id).localeCompare(pairKey(y.first.id, y.second.id)));
