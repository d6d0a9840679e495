// The possible-duplicate counts the insights show: the same number as the lists hold, on PGlite and PostgreSQL, also
// after each kind of change to what the rules read; and the count after a change from the changed accounts alone.
import { AccountCreate, ContactCreate, DuplicateQuery } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { changedAccounts } from './duplicate-counts';
import { accountNameKey, accountPairs, accountPairsTouching, type AccountRecord, type DomainLink } from './pairs';
import { accountDuplicates, contactDuplicates, possibleDuplicateCounts } from './service';

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
    const held = { accounts: before, links: linksBefore, count: countOf(before, linksBefore) };
    const changed = changedAccounts(held, after, []);
    expect([...changed].sort()).toEqual(['b', 'c', 'd', 'e', 'f', 'h']);
    const touching = (accounts: AccountRecord[], links: DomainLink[]) => accountPairsTouching(accounts, similar, links, changed, 0.45);
    // Before a+b (umlauts) and e+f (domain); after a+c (legal form), c+d (number) and g+h (similar).
    expect([held.count, countOf(after, [])]).toEqual([2, 3]);
    expect(held.count - touching(before, linksBefore) + touching(after, [])).toBe(countOf(after, []));
    expect(changedAccounts({ ...held, accounts: after, links: [] }, after, [])).toEqual(new Set());
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
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 1, contacts: 6 });
    expect(await listed()).toEqual({ accounts: 1, contacts: 6 });
  });

  it('counts again after a rename, and not for a change the rules do not read', async () => {
    await getDb().query(`UPDATE accounts SET name = 'Nord GmbH' WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, ids.sued]);
    await getDb().query(`UPDATE contacts SET first_name = 'Kurt' WHERE tenant_id = $1 AND account_id = $2`, [actor.tenantId, ids.sued]);
    // Three Nord GmbH: 3 pairs. Kurt Keller at the first Süd pairs with nobody: 3 Karls, 1 within Nord, 2 across.
    expect(await possibleDuplicateCounts(getDb(), actor.tenantId)).toEqual({ accounts: 3, contacts: 3 });
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
});
