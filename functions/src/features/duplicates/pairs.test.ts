// The duplicate rules without a database: the import's name rules applied to records already in the CRM.
import { describe, expect, it } from 'vitest';
import { accountNameKey, accountPairs, byScore, contactPairCount, contactPairs, pairedContactsByAccount, type AccountRecord, type ContactRecord } from './pairs';

const account = (id: string, name: string, extra: Partial<AccountRecord> = {}): AccountRecord => ({
  id,
  version: 1,
  name,
  customerNumber: null,
  domains: [],
  ...extra,
});
const contact = (id: string, firstName: string, lastName: string, accountId: string | null, accountName: string | null = accountId): ContactRecord => ({
  id,
  version: 1,
  firstName,
  lastName,
  emails: [],
  accountId,
  accountName,
});
const ids = (pair: { first: { id: string }; second: { id: string } }) => [pair.first.id, pair.second.id].sort().join('+');

describe('account pairs', () => {
  it('keeps "Müller GmbH" and "Müller AG" apart as different legal entities, and finds Mueller GmbH as the same name', () => {
    const accounts = [account('a', 'Müller GmbH'), account('b', 'Müller AG'), account('c', 'MUELLER gmbh'), account('d', 'Schneider GmbH')];
    const pairs = byScore(accountPairs(accounts, [], []));
    const byPair = new Map(pairs.map((p) => [ids(p), p]));
    expect(byPair.get('a+c')).toMatchObject({ kind: 'same_name', score: 1, differentLegalEntities: false });
    expect(byPair.get('a+b')).toMatchObject({ kind: 'legal_form_differs', differentLegalEntities: true, reason: expect.stringContaining('GmbH / AG') });
    expect(byPair.get('b+c')).toMatchObject({ kind: 'legal_form_differs', differentLegalEntities: true });
    expect([...byPair.keys()].some((k) => k.includes('d'))).toBe(false);
  });

  it('scores the similar keys pg_trgm found with the import rules, and flags a missing legal form', () => {
    const accounts = [account('a', 'Hoffmann Antriebstechnik'), account('b', 'Hofmann Antriebstechnik GmbH')];
    const similar = [[accountNameKey('Hoffmann Antriebstechnik'), accountNameKey('Hofmann Antriebstechnik GmbH')] as const];
    const [pair] = accountPairs(accounts, similar, []);
    expect(pair).toMatchObject({ kind: 'similar_name', differentLegalEntities: false, reason: expect.stringContaining('only one has a legal form (GmbH)') });
    expect(pair!.score).toBeCloseTo(0.88461536, 6);
  });

  it('pairs by customer number and by a contact email domain registered on the other account, strongest reason once', () => {
    const accounts = [
      account('a', 'Kunde Eins', { customerNumber: 'K-1001' }),
      account('b', 'Ganz anders AG', { customerNumber: 'k -1001' }),
      account('c', 'Beta Bau', { domains: ['beta-bau.de'] }),
      account('d', 'Bauunternehmen B.'),
    ];
    const pairs = accountPairs(accounts, [], [{ accountId: 'd', domainAccountId: 'c', domain: 'beta-bau.de' }]);
    expect(pairs.map((p) => [ids(p), p.kind, p.score])).toEqual([
      ['a+b', 'customer_number', 1],
      ['c+d', 'email_domain', 0.9],
    ]);
    expect(pairs[1]!.reason).toContain('beta-bau.de');
  });

  it('proposes names that differ only in umlauts or double letters', () => {
    const [pair] = accountPairs([account('a', 'Müller GmbH'), account('b', 'Muller GmbH')], [], []);
    expect(pair).toMatchObject({ kind: 'similar_name', score: 0.5, reason: expect.stringContaining('umlauts or double letters') });
  });
});

describe('contact pairs', () => {
  it('finds the same and similar names within an account, and the same name at another account more weakly', () => {
    const contacts = [
      contact('1', 'Jürgen', 'Müller', 'acme', 'Acme GmbH'),
      contact('2', 'Juergen', 'MÜLLER', 'acme', 'Acme GmbH'),
      contact('3', 'J.', 'Müller', 'acme', 'Acme GmbH'),
      contact('4', 'Jürgen', 'Müller', 'other', 'Other AG'),
      contact('5', 'Eva', 'Schmidt', 'acme', 'Acme GmbH'),
      contact('6', 'Jürgen', 'Müller', null, null),
    ];
    const pairs = byScore(contactPairs(contacts));
    const byPair = new Map(pairs.map((p) => [ids(p), p]));
    expect(byPair.get('1+2')).toMatchObject({ kind: 'same_name_same_account', score: 1, reason: 'the same first and last name at Acme GmbH' });
    expect(byPair.get('1+3')).toMatchObject({ kind: 'similar_name_same_account', reason: 'the same last name and first initial at Acme GmbH' });
    expect(byPair.get('1+4')).toMatchObject({
      kind: 'same_name_other_account',
      score: 0.6,
      reason: 'the same first and last name, at Acme GmbH and at Other AG',
    });
    expect(byPair.get('4+6')).toMatchObject({ kind: 'same_name_other_account', reason: 'the same first and last name, one of them without a company' });
    expect([...byPair.keys()].some((k) => k.includes('5'))).toBe(false);
    expect(pairs[0]!.score).toBe(1);
    // Counted without making the pairs: the same number at every threshold, also above the cross-account score.
    for (const minScore of [0, 0.45, 0.6, 0.61, 1]) expect(contactPairCount(contacts, minScore)).toBe(pairs.filter((p) => p.score >= minScore).length);
    // Within Acme 1+2, 1+3, 2+3; Jürgen Müller four times, 6 pairs, less 1+2 within Acme.
    expect(contactPairCount(contacts, 0.45)).toBe(8);
    // Per account, the contacts in a pair: at every threshold those the pairs themselves name.
    for (const minScore of [0, 0.45, 0.6, 0.61, 1]) {
      const named = new Set(pairs.filter((p) => p.score >= minScore).flatMap((p) => [p.first.id, p.second.id]));
      const expected = new Map<string, number>();
      for (const c of contacts) if (c.accountId && named.has(c.id)) expected.set(c.accountId, (expected.get(c.accountId) ?? 0) + 1);
      expect(pairedContactsByAccount(contacts, minScore)).toEqual(expected);
    }
    // At Acme, 1, 2 and 3 (Eva Schmidt has no twin); at Other AG Jürgen Müller; above 0.6 only Acme's two same names.
    expect(pairedContactsByAccount(contacts, 0.45)).toEqual(new Map([['acme', 3], ['other', 1]]));
    expect(pairedContactsByAccount(contacts, 1)).toEqual(new Map([['acme', 2]]));
  });
});
