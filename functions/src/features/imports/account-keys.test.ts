// The account keys the import's SQL candidate search joins against: after the first preview fills them for a tenant,
// the planner must know how many there are, or it scans them once per name of the file.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases';
import { seedScaledTenant } from '../../seed/seed-scaled';
import { refreshAccountKeys } from './store';

describeEachDatabase('import account keys', (getDb) => {
  const estimatedKeys = async () =>
    Number((await getDb().query<{ n: number }>(`SELECT reltuples AS n FROM pg_class WHERE relname = 'import_account_keys'`))[0]!.n);

  it('renews the statistics of the keys when a refresh writes many at once', async () => {
    const tenantId = randomUUID();
    await seedScaledTenant(getDb(), { tenantId, accounts: 1_200, contacts: 1_200, interactions: 0 });
    expect(await estimatedKeys()).toBeLessThan(1_000);
    await getDb().transaction((tx) => refreshAccountKeys(tx, tenantId));
    expect(await estimatedKeys()).toBeGreaterThanOrEqual(1_200);
  }, 120_000);
});
