// An email retention anonymises loses its people: the contacts, the addresses waiting to become one, and the lead its
// sender's address linked it to (which would otherwise still say whose email it was).
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases';
import { retireInteractions } from './retention-store';

describeEachDatabase('retention and lead links', (getDb) => {
  it("unlinks an anonymised email from its lead and leaves another lead's email linked", async () => {
    const db = getDb();
    const tenantId = randomUUID();
    await db.query(`INSERT INTO tenants (tenant_id, name) VALUES ($1, 'Alt')`, [tenantId]);
    const [lead] = await db.query<{ id: string }>(
      `INSERT INTO leads (tenant_id, source, last_name, email) VALUES ($1, 'email', 'Alt', 'alt@lead.example') RETURNING id`,
      [tenantId],
    );
    const emails = await db.query<{ id: string }>(
      `INSERT INTO interactions (tenant_id, type, direction, occurred_at, subject, source)
       VALUES ($1, 'email', 'inbound', now() - interval '8 years', 'Anfrage von Alt', 'addin'), ($1, 'email', 'inbound', now(), 'Neu', 'addin') RETURNING id`,
      [tenantId],
    );
    for (const email of emails)
      await db.query(`INSERT INTO interaction_leads (tenant_id, lead_id, interaction_id) VALUES ($1, $2, $3)`, [tenantId, lead!.id, email.id]);
    const cutoff = new Date(Date.now() - 365 * 86_400_000);
    const done = await db.transaction((tx) =>
      retireInteractions(
        tx,
        tenantId,
        emails.map((e) => e.id),
        cutoff,
        'email_meeting_interactions',
        'anonymise',
      ),
    );
    expect(done).toBe(1);
    const left = await db.query<{ interaction_id: string }>(`SELECT interaction_id FROM interaction_leads WHERE tenant_id = $1`, [tenantId]);
    expect(left.map((l) => l.interaction_id)).toEqual([emails[1]!.id]);
  });
});
