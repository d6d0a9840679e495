// The possible-duplicate counts the insights show: the same number as the lists hold, on PGlite and PostgreSQL, also
// after each kind of change to what the rules read; and the count after a change from the changed accounts alone.
import { AccountCreate, ContactCreate, DuplicateQuery } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { accountFingerprints, changedAccounts } from './duplicate-counts';
import { accountNameKey, accountPairs, accountPairsTouching, type AccountRecord, type DomainLink } from './pairs';
import { saveCounts, storedCounts } from './duplicate-counts-store';
import { accountDuplicates, contactDuplicates, possibleDuplicateCounts, possibleDuplicatesOf } from './service';

describe('the accounts a change touches', () => {
  const account = (id: string, name: string, customerNumber: string | null = null): AccountRecord => ({ id, version: 1, name, customerNumber, domains: [] });
  const countOf = (accounts: AccountRecord[], links: DomainLink[]) => accountPairs(accounts, similar, links).filter((p) => p.score >= 0.45).length;
  const similar = [[accountNameKey('Hoffmann Antriebstechnik'), accountNameKey('Hofmann Antriebstechnik GmbH')] as const];
  const before = [
    account('a', 'Müller GmbH'),
    account('b', 'Muller GmbH'),
    account('c', 'Kunde Eins', 'K-1'),
    account('d', 'Ganz anders AG'),
    account('e', 'Beta Bau'),
    account('f', 'Bauunternehmen B.'),
    account('g', 'Hoffmann Antriebstechnik'),
  ];
  const linksBefore = [{ accountId: 'f', domainAccountId: 'e', domain: 'beta-bau.de' }];

  it('gives the count after a change from the count before and the pairs of the changed accounts alone', () => {
    // c renamed into Müller's other legal form, d given c's number, the link gone, b deleted, h new beside g.
    const after = [
      account('a', 'Müller GmbH'),
      account('c', 'Müller AG', 'K-1'),
      account('d', 'Ganz anders AG', 'k -1'),
      account('e', 'Beta Bau'),
      account('f', 'Bauunternehmen B.'),
      account('g', 'Hoffmann Antriebstechnik'),
      account('h', 'Hofmann Antriebstechnik GmbH'),
    ];
    const stored = accountFingerprints(before, linksBefore);
    const changed = changedAccounts(stored, accountFingerprints(after, []));
    expect([...changed].sort()).toEqual(['b', 'c', 'd', 'e', 'f', 'h']);
    // Before a+b (umlauts) and e+f (domain); after a+c (legal form), c+d (number) and g+h (similar).
    const pairsBefore = accountPairs(before, similar, linksBefore).filter((p) => p.score >= 0.45);
    expect([pairsBefore.length, countOf(after, [])]).toEqual([2, 3]);
    const storedTouching = pairsBefore.filter((p) => changed.has(p.first.id) || changed.has(p.second.id)).length;
    const fresh = accountPairsTouching(after, similar, [], changed, 0.45);
    expect(pairsBefore.length - storedTouching + fresh.length).toBe(countOf(after, []));
    expect(changedAccounts(accountFingerprints(after, []), accountFingerprints(after, []))).toEqual(new Set());
  });

  it('marks both ends of a new domain link as changed, and nothing for a change of what the rules do not read', () => {
    const stored = accountFingerprints(before, []);
    expect([...changedAccounts(stored, accountFingerprints(before, linksBefore))].sort()).toEqual(['e', 'f']);
    const moved = before.map((a) => (a.id === 'd' ? { ...a, version: 9, domains: ['anders.de'] } : a));
    expect(changedAccounts(stored, accountFingerprints(moved, []))).toEqual(new Set());
  });
});

describeEachDatabase('possible duplicate counts', (getDb) => {
  let actor: Actor;
  const ids: Record<string, string> = {};
  const listed = async () => {
    const query = DuplicateQuery.parse({ limit: 100 });
    return {
      accounts: (await accountDuplicates(getDb(), actor, query)).items.length,
      contacts: (await contactDuplicates(getDb(), actor, query)).items.length,
    };
  };

  beforeAll(async () => {
    actor = await seedActor(getDb(), { name: 'Zähler' });
    for (const [key, name] of [['nord', 'Nord GmbH'], ['nord2', 'Nord GmbH'], ['sued', 'Süd AG']] as const)
      ids[key] = (await createAccount(getDb(), actor, AccountCreate.parse({ name }))).value.id;
    for (const accountId of [ids.nord, ids.nord, ids.sued, undefined])
      await createContact(getDb(), actor, ContactCreate.parse({ accountId, firstName: 'Karl', lastName: 'Keller' }));
  });

  it('counts what the lists hold: names within an account and across accounts, a name at one account once', async () => {
    // Accounts: the two Nord GmbH. Contacts: the two Kellers at Nord, 1 pair within the account; of the 4 * 3 / 2 = 6
    // pairs of the name, the 5 not within one account.
    const ofAccount = (key: string) => possibleDuplicatesOf(getDb(), actor.tenantId, ids[key]!);
    expect(await ofAccount('nord')).toEqual({ accounts: null, contacts: null });
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 1, contacts: 6 });
    expect(await listed()).toEqual({ accounts: 1, contacts: 6 });
    // Per account: both Kellers at the first Nord, none at the second, Süd's Keller with the others.
    expect([await ofAccount('nord'), await ofAccount('nord2'), await ofAccount('sued')]).toEqual([
      { accounts: 1, contacts: 2 },
      { accounts: 1, contacts: 0 },
      { accounts: 0, contacts: 1 },
    ]);
  });

  it('counts again after a rename, and not for a change the rules do not read', async () => {
    await getDb().query(`UPDATE accounts SET name = 'Nord GmbH' WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, ids.sued]);
    await getDb().query(`UPDATE contacts SET first_name = 'Kurt' WHERE tenant_id = $1 AND account_id = $2`, [actor.tenantId, ids.sued]);
    // Three Nord GmbH: 3 pairs. Kurt Keller at the first Süd pairs with nobody: 3 Karls, 1 within Nord, 2 across.
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 3, contacts: 3 });
    expect((await possibleDuplicatesOf(getDb(), actor.tenantId, ids.sued!)).contacts).toBe(0);
    await getDb().query(`UPDATE accounts SET industry = 'Maschinenbau' WHERE tenant_id = $1`, [actor.tenantId]);
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 3, contacts: 3 });
    expect(await listed()).toEqual({ accounts: 3, contacts: 3 });
  });

  it('counts a new account, a changed customer number and a deleted account as the lists do', async () => {
    const neu = (await createAccount(getDb(), actor, AccountCreate.parse({ name: 'Nordt GmbH', customFields: { customerNumber: 'N-7' } }))).value.id;
    await getDb().query(`UPDATE accounts SET custom_fields = '{"customerNumber": "n 7"}' WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, ids.sued]);
    const after = await possibleDuplicateCounts(getDb(), actor.tenantId);
    expect(after).toEqual(await listed());
    expect(after.accounts).toBeGreaterThan(3);
    await getDb().query(`DELETE FROM accounts WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, neu]);
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 3, contacts: 3 });
    expect(await listed()).toEqual({ accounts: 3, contacts: 3 });
  });

  it('continues from the stored pairs, as a host started anew does, and pairs again only the changed accounts', async () => {
    const tenant = [actor.tenantId];
    const counted = await possibleDuplicateCounts(getDb(), actor.tenantId);
    const storedPairs = async () =>
      Number((await getDb().query<{ n: string }>(`SELECT count(*) AS n FROM duplicate_account_pairs WHERE tenant_id = $1`, tenant))[0]!.n);
    expect(await storedPairs()).toBe(counted.accounts);
    // Ids and digests only: no name is copied into the stored counts.
    const inputs = await getDb().query<{ fingerprint: string }>(`SELECT fingerprint FROM duplicate_account_inputs WHERE tenant_id = $1`, tenant);
    expect(inputs.length).toBeGreaterThan(0);
    expect(JSON.stringify(inputs)).not.toMatch(/Nord|Süd/);
    // A stored pair removed behind the counter's back stays removed while nothing changes: the count is read, not
    // paired again; once one of its accounts changes, that account's pairs are made again.
    const [pair] = await getDb().query<{ first_id: string }>(
      `DELETE FROM duplicate_account_pairs p USING (SELECT first_id, second_id FROM duplicate_account_pairs WHERE tenant_id = $1 ORDER BY 1, 2 LIMIT 1) x
       WHERE p.tenant_id = $1 AND p.first_id = x.first_id AND p.second_id = x.second_id RETURNING p.first_id`,
      tenant,
    );
    expect((await possibleDuplicateCounts(getDb(), actor.tenantId)).accounts).toBe(counted.accounts - 1);
    await getDb().query(`UPDATE duplicate_account_inputs SET fingerprint = 'before' WHERE tenant_id = $1 AND account_id = $2`, [actor.tenantId, pair!.first_id]);
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual(counted);
    expect(await storedPairs()).toBe(counted.accounts);
  });

  it('lets the refresh that stored first stand when two count at once', async () => {
    const before = (await storedCounts(getDb(), actor.tenantId))!;
    const write = { minScore: before.minScore, contactsDigest: 'other', contactsCount: 99, pairedContacts: null, accounts: { kind: 'unchanged' } as const };
    expect(await saveCounts(getDb(), actor.tenantId, before.generation, write)).toBe(true);
    expect(await saveCounts(getDb(), actor.tenantId, before.generation, { ...write, contactsCount: 98 })).toBe(false);
    expect(await saveCounts(getDb(), actor.tenantId, null, { ...write, contactsCount: 97 })).toBe(false);
    expect((await storedCounts(getDb(), actor.tenantId))!.contactsCount).toBe(99);
    // The digest no longer matches the contacts, so the next count makes the contacts' count again.
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 3, contacts: 3 });
  });
});
