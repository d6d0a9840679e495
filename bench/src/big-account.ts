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

/**
 * The tab asks for the account's insights after its first screen, and the first read after 5,000 interactions were
 * written behind the host's back refreshes the tenant's analysis, which holds the host's one PGlite connection for
 * a minute or more on a busy machine: every load after it would wait for that, not for the tab. Done once up front.
 */
export async function precomputeInsights(baseUrl: string): Promise<number> {
  const started = performance.now();
  const token = ((await (await fetch(`${baseUrl}/dev/token`, { method: 'POST' })).json()) as { access_token: string }).access_token;
  const headers = { authorization: `Bearer ${token}` };
  for (const path of ['/api/insights', `/api/accounts/${BIG_ACCOUNT_ID}/insights`]) {
    // A 503 says the host gave up waiting for the refresh, which goes on: asked again until it is done.
    for (let attempt = 1; ; attempt++) {
      const answer = await fetch(`${baseUrl}${path}`, { headers, signal: AbortSignal.timeout(300_000) });
      await answer.text();
      if (answer.ok) break;
      if (answer.status !== 503 || attempt === 10) throw new Error(`${path} answered ${answer.status}`);
    }
  }
  return (performance.now() - started) / 1000;
}
