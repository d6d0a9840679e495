// Scaled benchmark tenants have exactly the requested sizes, consistent links and usable sample emails.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases';
import { seedScaledTenant } from './seed-scaled';

describeEachDatabase('scaled seed', (getDb) => {
  it('writes exactly the requested counts with every interaction linked', async () => {
    const tenantId = randomUUID();
    const progress: number[] = [];
    const result = await seedScaledTenant(getDb(), { tenantId, accounts: 20, contacts: 100, interactions: 12_000, onProgress: (done) => progress.push(done) });
    expect(result.counts).toMatchObject({ accounts: 20, contacts: 100, interactions: 12_000 });
    expect(progress).toEqual([5000, 10_000, 12_000]);
    const count = async (sql: string) => Number((await getDb().query<{ n: number }>(sql, [tenantId]))[0]!.n);
    expect(await count('SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1')).toBe(12_000);
    expect(await count('SELECT count(DISTINCT interaction_id)::int AS n FROM interaction_accounts WHERE tenant_id = $1')).toBe(12_000);
    expect(await count('SELECT count(*)::int AS n FROM contact_emails WHERE tenant_id = $1')).toBe(100);
    const known = await getDb().query('SELECT 1 FROM contact_emails WHERE tenant_id = $1 AND email = ANY($2::text[])', [tenantId, result.sampleEmails]);
    expect(known).toHaveLength(result.sampleEmails.length);
  });
});
