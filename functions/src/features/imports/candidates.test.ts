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
});
