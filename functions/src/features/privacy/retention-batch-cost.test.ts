// What one retention batch costs must not grow with the tenant. The insights' change triggers (migration 0023) ran
// inside every batch's update of interactions and met every contact of the tenant for each email (0025 fixed it); the
// index scans a batch starts on interaction_contacts, counted in the batch's own transaction, show it without timing.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases';
import type { Db } from '../../core/db/db';
import { retireInteractions } from './retention-store';

const EMAILS = 20;

/** A tenant with `contacts` contacts of one account and EMAILS emails of eight years ago, each linked to one of them. */
async function tenantWith(db: Db, contacts: number): Promise<string> {
  const tenantId = randomUUID();
  await db.query(`INSERT INTO tenants (tenant_id, name) VALUES ($1, 'Kosten')`, [tenantId]);
  await db.query(
    `WITH account AS (INSERT INTO accounts (tenant_id, name) VALUES ($1, 'Kosten GmbH') RETURNING id),
     people AS (
       INSERT INTO contacts (tenant_id, first_name, last_name, emails, account_id)
       SELECT $1, 'Kontakt', 'Nr. ' || g, ARRAY['k' || g || '@kosten.example'], (SELECT id FROM account) FROM generate_series(1, $2::int) g
       RETURNING id),
     numbered AS (SELECT id, row_number() OVER () AS n FROM people),
     made AS (
       INSERT INTO interactions (tenant_id, type, direction, occurred_at, subject, source)
       SELECT $1, 'email', 'inbound', now() - interval '8 years' - g * interval '1 minute', 'Angebot ' || g, 'addin'
       FROM generate_series(1, $3::int) g RETURNING id, occurred_at),
     made_numbered AS (SELECT id, occurred_at, row_number() OVER () AS n FROM made)
     INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
     SELECT $1, m.id, numbered.id, m.occurred_at FROM made_numbered m JOIN numbered ON numbered.n = 1 + m.n % $2::int`,
    [tenantId, contacts, EMAILS],
  );
  return tenantId;
}

/** Anonymises the tenant's emails as one batch; answers the index scans it started on interaction_contacts. */
async function batchScans(db: Db, tenantId: string): Promise<{ scans: number; done: number; changedAccounts: number }> {
  return db.transaction(async (tx) => {
    const scans = async () =>
      Number(
        (await tx.query<{ n: string }>(`SELECT coalesce(sum(pg_stat_get_xact_numscans(indexrelid)), 0) AS n FROM pg_index WHERE indrelid = 'interaction_contacts'::regclass`))[0]!
          .n,
      );
    const ids = (await tx.query<{ id: string }>(`SELECT id FROM interactions WHERE tenant_id = $1 ORDER BY id`, [tenantId])).map((r) => r.id);
    const before = await scans();
    const done = await retireInteractions(tx, tenantId, ids, new Date(), 'email_meeting_interactions', 'anonymise');
    const after = await scans();
    // The nil id marks the team's figures (migration 0035); the accounts are the others.
    const changed = await tx.query(
      `SELECT DISTINCT account_id FROM insight_changes WHERE tenant_id = $1 AND account_id IS NOT NULL AND account_id <> '00000000-0000-0000-0000-000000000000'`,
      [tenantId],
    );
    return { scans: after - before, done, changedAccounts: changed.length };
  });
}

describeEachDatabase('retention batch cost', (getDb) => {
  it("does not grow with the tenant's contacts, and still tells the insights which account changed", async () => {
    const few = await batchScans(getDb(), await tenantWith(getDb(), 2));
    const many = await batchScans(getDb(), await tenantWith(getDb(), 200));
    expect([few.done, many.done]).toEqual([EMAILS, EMAILS]);
    expect([few.changedAccounts, many.changedAccounts]).toEqual([1, 1]);
    expect(many.scans).toBe(few.scans);
    // The update's triggers and the batch's link deletion: a small multiple of the emails, not of emails times contacts.
    expect(many.scans).toBeLessThanOrEqual(6 * EMAILS);
  });
});
