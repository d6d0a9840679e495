// The CRM candidate search against the rules' own trigram similarity: the accounts it answers for a list's names,
// numbers and domains are exactly those a comparison of every pair finds, whether the names go in one chunk or many.
import { expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { insertAccountsIn } from '../accounts';
import { AccountCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { parseCompanyName, SIMILAR_NAME_THRESHOLD } from './company-names';
import { numberKey } from './match-rules';
import { accountCandidates, refreshAccountKeys } from './store';
import { trigramSimilarity } from './trigram';

const CRM = [
  'Müller GmbH',
  'Mueller AG',
  'Muller GmbH & Co. KG',
  'Miller Ltd',
  'Hoffmann Antriebstechnik',
  'Bäckerei Öztürk e.K.',
  'Weiß-Bau AG',
  'Schmidt & Co. KG',
  'Schmitt Logistik',
  'Bau Meier 24',
  'Nordlicht Energie',
  'Südwind Solar',
];
const LIST = ['Müller', 'Hofmann Antriebstechnik GmbH', 'Backerei Ozturk', 'Weiss Bau', 'Meier-Bau 2024', 'Ganz Anders OHG', 'Schmid Logistik'];

describeEachDatabase('imports: CRM candidates', (getDb) => {
  it('finds exactly the accounts whose names reach the threshold, plus those by number and domain, in any chunk size', async () => {
    const actor = await seedActor(getDb(), { roles: ['CRM.Manager'] });
    const accounts = CRM.map((name, i) => ({
      ...AccountCreate.parse({ name, domains: i === 10 ? ['nordlicht.de'] : [], customFields: i === 11 ? { customerNumber: 'K-11' } : {} }),
      id: randomUUID(),
    }));
    await getDb().transaction(async (tx) => {
      await insertAccountsIn(tx, actor.tenantId, accounts);
      await refreshAccountKeys(tx, actor.tenantId);
    });
    const names = LIST.map((name) => parseCompanyName(name).key);
    const similar = accounts.filter((account) => names.some((key) => trigramSimilarity(parseCompanyName(account.name).key, key) >= SIMILAR_NAME_THRESHOLD));
    const expected = [...new Set([...similar.map((account) => account.name), 'Nordlicht Energie', 'Südwind Solar'])].sort();
    // The list reaches some CRM names and misses others, so the search has something to leave out.
    expect(similar.length).toBeGreaterThan(3);
    expect(similar.length).toBeLessThan(10);
    for (const chunkSize of [1, 3, 500]) {
      const found = await accountCandidates(getDb(), actor.tenantId, { numbers: [numberKey('K-11')], names, domains: ['nordlicht.de'] }, chunkSize);
      expect(found.map((account) => account.name).sort()).toEqual(expected);
    }
  });

  it('finds the same accounts as pg_trgm similarity() in SQL, on names built to sit around the threshold', async () => {
    const actor = await seedActor(getDb(), { roles: ['CRM.Manager'] });
    const accounts = madeUpNames(400, 1).map((name) => ({ ...AccountCreate.parse({ name }), id: randomUUID() }));
    await getDb().transaction(async (tx) => {
      await insertAccountsIn(tx, actor.tenantId, accounts);
      await refreshAccountKeys(tx, actor.tenantId);
    });
    // The list: some of the CRM's names with a letter doubled or dropped, and names of its own.
    const names = [
      ...accounts.slice(0, 150).map((account, i) => {
        const key = parseCompanyName(account.name).key;
        const at = Math.floor(key.length / 2);
        return i % 2 === 0 ? key.slice(0, at) + key.charAt(at) + key.slice(at) : key.slice(0, at) + key.slice(at + 1);
      }),
      ...madeUpNames(250, 2).map((name) => parseCompanyName(name).key),
    ];
    const sql = await getDb().query<{ account_id: string }>(
      `SELECT DISTINCT k.account_id FROM unnest($2::text[]) AS q(key)
       JOIN import_account_keys k ON k.tenant_id = $1 AND similarity(k.name_key, q.key) >= $3`,
      [actor.tenantId, names, SIMILAR_NAME_THRESHOLD],
    );
    const expected = sql.map((row) => row.account_id).sort();
    // Some of the list's names reach a CRM name and some miss them all.
    expect(expected.length).toBeGreaterThan(150);
    expect(expected.length).toBeLessThan(400);
    for (const pageSize of [7, 20_000]) {
      const found = await accountCandidates(getDb(), actor.tenantId, { numbers: [], names, domains: [] }, pageSize);
      expect(found.map((account) => account.id).sort()).toEqual(expected);
    }
  });
});

/** Names of made-up syllables from a small alphabet, as unlike each other as a real list's but sharing many trigrams. */
function madeUpNames(count: number, seed: number): string[] {
  let state = seed * 7919;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const word = (syllables: number) =>
    Array.from({ length: syllables }, () => 'bdfhklmnprstvwz'.charAt(next(15)) + ['a', 'e', 'i', 'o', 'u', 'ä', 'ü', 'ei'][next(8)]!).join('');
  return Array.from({ length: count }, () => `${word(2)} ${word(2 + next(2))}${['', ' GmbH', ' AG', ' Logistik'][next(4)]!}`);
}

