// The context lookup is planned with its values at first and then runs on PostgreSQL's generic plan without planning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, postgresAvailable } from '../../../../test/support/databases';
import type { Db } from '../../core/db/db';
import { seedScaledTenant } from '../../seed/seed-scaled';
import { CONTEXT_SQL } from './store';

describe.skipIf(!postgresAvailable())(`context lookup plan [postgres${postgresAvailable() ? '' : ': PostgreSQL server not found, SKIPPED'}]`, () => {
  let db: Db;
  // The seed derives every id from the tenant's, and the planner's choice depends on the statistics of those ids: a
  // random tenant made one CI run in many plan all eight executions with their values. A fixed one keeps the data,
  // and so the choice, the same in every run.
  const tenantId = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
  let emails: string[] = [];
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    emails = (await seedScaledTenant(db, { tenantId, accounts: 50, contacts: 500, interactions: 5_000 })).sampleEmails;
    await db.exec('ANALYZE');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('switches to the generic plan after five executions planned with their values', async () => {
    // One transaction keeps every execution on one connection, where the statement is prepared once.
    const counts = await db.transaction(async (tx) => {
      for (let i = 0; i < 8; i++) await tx.query(CONTEXT_SQL, [tenantId, [emails[i]!, emails[i + 20]!, 'colleague@seller.example']]);
      return tx.query<{ custom_plans: number; generic_plans: number }>(`SELECT custom_plans, generic_plans FROM pg_prepared_statements WHERE name = $1`, [
        CONTEXT_SQL.name,
      ]);
    });
    expect(counts).toEqual([{ custom_plans: 5, generic_plans: 3 }]);
  });
});
