// Scaled benchmark tenants have exactly the requested sizes, complete links and sample emails that exist.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases';
import { scaledSampleEmails, seedScaledTenant } from './seed-scaled';

describeEachDatabase('scaled seed', (getDb) => {
  // Small batches: three INSERT rounds cost what the real 5,000-row batches cost in statements, not in rows.
  const BATCH_SIZE = 200;
  const sizes = { accounts: 20, contacts: 100, interactions: 2 * BATCH_SIZE + 40 };
  const count = async (sql: string, tenantId: string) => Number((await getDb().query<{ n: number }>(sql, [tenantId]))[0]!.n);

  it('writes exactly the requested counts in batches, with every account, contact and interaction linked', async () => {
    const tenantId = randomUUID();
    const progress: Array<[number, number]> = [];
    const result = await seedScaledTenant(getDb(), { tenantId, ...sizes, batchSize: BATCH_SIZE, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.counts).toMatchObject({ ...sizes, users: 20, opportunities: 24, tasks: 30 });
    expect(progress).toEqual([
      [BATCH_SIZE, sizes.interactions],
      [2 * BATCH_SIZE, sizes.interactions],
      [sizes.interactions, sizes.interactions],
    ]);
    const n = (sql: string) => count(sql, tenantId);
    expect(await n('SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1')).toBe(sizes.interactions);
    expect(await n('SELECT count(DISTINCT interaction_id)::int AS n FROM interaction_accounts WHERE tenant_id = $1')).toBe(sizes.interactions);
    expect(await n('SELECT count(DISTINCT interaction_id)::int AS n FROM interaction_contacts WHERE tenant_id = $1')).toBe(sizes.interactions);
    expect(await n('SELECT count(DISTINCT account_id)::int AS n FROM account_domains WHERE tenant_id = $1')).toBe(sizes.accounts);
    expect(await n('SELECT count(DISTINCT contact_id)::int AS n FROM contact_emails WHERE tenant_id = $1')).toBe(sizes.contacts);
    expect(await n('SELECT count(DISTINCT account_id)::int AS n FROM contacts WHERE tenant_id = $1')).toBe(sizes.accounts);
    expect(await n('SELECT count(DISTINCT action)::int AS n FROM consents WHERE tenant_id = $1')).toBe(3);
  });

  it('names sample emails that exist, without seeding, the same for every tenant of that size', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const seeded = await seedScaledTenant(getDb(), { tenantId: a, ...sizes, interactions: 10 });
    await seedScaledTenant(getDb(), { tenantId: b, ...sizes, interactions: 10 });
    const sample = scaledSampleEmails(sizes, 40);
    expect(sample).toHaveLength(40);
    expect(new Set(sample).size).toBe(40);
    expect(seeded.sampleEmails).toHaveLength(sizes.contacts);
    for (const tenantId of [a, b]) {
      const known = await getDb().query('SELECT 1 FROM contact_emails WHERE tenant_id = $1 AND email = ANY($2::text[])', [tenantId, seeded.sampleEmails]);
      expect(known).toHaveLength(sizes.contacts);
    }
    // Same data, but ids of their own: a query that forgets tenant_id would stand out.
    const shared = await getDb().query('SELECT 1 FROM contacts x JOIN contacts y ON y.id = x.id WHERE x.tenant_id = $1 AND y.tenant_id = $2', [a, b]);
    expect(shared).toEqual([]);
  });
});
