// The possible-duplicate counts the insights show: the same number as the lists hold, on PGlite and PostgreSQL, also
// after a change of what the rules read; and a count made again only when its inputs' digest changed.
import { AccountCreate, ContactCreate, DuplicateQuery } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { heldCount, inputDigest } from './duplicate-counts';
import { accountDuplicates, contactDuplicates, possibleDuplicateCounts } from './service';

describe('held counts', () => {
  it('counts once per digest of the inputs, again when they change, apart per tenant and kind', async () => {
    const db = {} as Db;
    let counted = 0;
    const count = (n: number) => async () => ((counted += 1), n);
    const digest = inputDigest([['a', 'Nord'], ['b', 'Süd']]);
    expect(inputDigest([['b', 'Süd'], ['a', 'Nord']])).toBe(digest);
    expect(await heldCount(db, 't1', 'accounts', digest, count(3))).toBe(3);
    expect(await heldCount(db, 't1', 'accounts', digest, count(99))).toBe(3);
    expect(counted).toBe(1);
    expect(await heldCount(db, 't1', 'contacts', digest, count(5))).toBe(5);
    expect(await heldCount(db, 't2', 'accounts', digest, count(7))).toBe(7);
    expect(await heldCount(db, 't1', 'accounts', inputDigest([['a', 'Nord'], ['b', 'Nord']]), count(4))).toBe(4);
    expect(counted).toBe(4);
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
});
