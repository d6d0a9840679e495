// Adds one account with thousands of interactions to a local host's PGlite data folder, owned by the default demo user.
import { join } from 'node:path';
import { DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';
import { openPglite } from '../../functions/src/core/db/pglite-db';

export const BIG_ACCOUNT_ID = '0b5e4c3a-1d2f-4e6a-8b7c-9d0e1f2a3b4c';

/** The host must be stopped: PGlite folders have one writer at a time. */
export async function addBigAccount(dataDir: string, interactions: number): Promise<void> {
  const db = await openPglite(join(dataDir, 'pglite'));
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO accounts (tenant_id, id, name, industry, segment, owner_id)
         SELECT $1, $2, 'Benchmark Großkunde AG', 'Maschinenbau', 'Konzern', id FROM users WHERE tenant_id = $1 AND entra_oid = $3`,
        [DEMO_TENANT_ID, BIG_ACCOUNT_ID, DEMO_USERS[0]!.oid],
      );
      // One interaction every 37 minutes back from now, mixed types, each with subject and summary as real ones have.
      await tx.query(
        `WITH made AS (
           INSERT INTO interactions (tenant_id, type, direction, occurred_at, subject, summary, source, created_by)
           SELECT $1, (ARRAY['email','meeting','call','note','complaint'])[1 + g % 5], 'inbound', now() - g * interval '37 minutes',
             'Benchmark interaction ' || g, 'Summary of interaction ' || g || ' with enough text to wrap in a narrow pane.', 'api',
             (SELECT id FROM users WHERE tenant_id = $1 AND entra_oid = $3)
           FROM generate_series(1, $2::int) g
           RETURNING id, occurred_at, type, created_by
         ), linked AS (
           INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type, is_open)
           SELECT $1, id, $4, occurred_at, type, false FROM made RETURNING interaction_id
         )
         INSERT INTO interaction_loggers (tenant_id, interaction_id, user_id) SELECT $1, id, created_by FROM made`,
        [DEMO_TENANT_ID, interactions, DEMO_USERS[0]!.oid, BIG_ACCOUNT_ID],
      );
    });
  } finally {
    await db.close();
  }
}
