// The context lookup is planned with its values at first and then runs on PostgreSQL's generic plan without planning.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, postgresAvailable } from '../../../../test/support/databases';
import type { Db } from '../../core/db/db';
import { seedScaledTenant } from '../../seed/seed-scaled';
import { CONTEXT_SQL } from './store';

describe.skipIf(!postgresAvailable())(`context lookup plan [postgres${postgresAvailable() ? '' : ': PostgreSQL server not found, SKIPPED'}]`, () => {
  let db: Db;
  const tenantId = randomUUID();
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
