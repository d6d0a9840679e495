// writeAudits (many entries in one statement, for an import's batch) against writeAudit one entry at a time: the same
// audit entries in the same order, the same webhook deliveries (one event id per entry, none for a restricted person).
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Db } from '../db/db';
import { writeAudit, writeAudits, type AuditEntry } from './audit-store';

async function tenantWithEndpoints(db: Db) {
  const actor = await seedActor(db, { roles: ['CRM.Admin'] });
  const endpoint = (events: string[]) =>
    db.query(`INSERT INTO webhook_endpoints (tenant_id, url, events, secret) VALUES ($1, 'https://hooks.example/crm', $2, 'whsec_x')`, [
      actor.tenantId,
      events,
    ]);
  await endpoint(['account.created', 'contact.created', 'consent.changed']);
  await endpoint(['contact.created']);
  const contact = async (lastName: string) =>
    (await db.query<{ id: string }>(`INSERT INTO contacts (tenant_id, last_name) VALUES ($1, $2) RETURNING id`, [actor.tenantId, lastName]))[0]!.id;
  const anna = await contact('Anna');
  const restricted = await contact('Gesperrt');
  await db.query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason) VALUES ($1, $2, 'Art. 18')`, [actor.tenantId, restricted]);
  const entries: AuditEntry[] = [
    { tenantId: actor.tenantId, actorId: actor.userId, action: 'create', entity: 'account', entityId: randomUUID() },
    { tenantId: actor.tenantId, actorId: actor.userId, action: 'create', entity: 'contact', entityId: anna },
    { tenantId: actor.tenantId, actorId: actor.userId, action: 'create', entity: 'contact', entityId: restricted },
    { tenantId: actor.tenantId, actorId: actor.userId, action: 'consent', entity: 'contact', entityId: anna, changedFields: ['email/marketing:granted'] },
    { tenantId: actor.tenantId, actorId: actor.userId, action: 'update', entity: 'lead', entityId: randomUUID(), changedFields: ['status'] },
  ];
  return { tenantId: actor.tenantId, entries };
}

async function written(db: Db, tenantId: string) {
  const log = await db.query<{ action: string; entity: string; changed_fields: string[] }>(
    `SELECT action, entity, changed_fields FROM audit_log WHERE tenant_id = $1 ORDER BY id`,
    [tenantId],
  );
  const deliveries = await db.query<{ event_type: string; entity: string; endpoints: number; events: number }>(
    `SELECT event_type, entity, count(DISTINCT endpoint_id)::int AS endpoints, count(DISTINCT event_id)::int AS events
     FROM webhook_deliveries WHERE tenant_id = $1 GROUP BY event_type, entity ORDER BY event_type`,
    [tenantId],
  );
  return { log, deliveries };
}

describeEachDatabase('audit: many entries in one statement', (getDb) => {
  it('writes what writeAudit writes entry by entry, and no delivery for a restricted person', async () => {
    const one = await tenantWithEndpoints(getDb());
    for (const entry of one.entries) await writeAudit(getDb(), entry);
    const many = await tenantWithEndpoints(getDb());
    await writeAudits(getDb(), many.entries);
    await writeAudits(getDb(), []);

    const expected = await written(getDb(), one.tenantId);
    const got = await written(getDb(), many.tenantId);
    expect(got.log).toEqual(expected.log);
    expect(got.deliveries).toEqual(expected.deliveries);
    expect(got.log.map((entry) => `${entry.action} ${entry.entity}`)).toEqual([
      'create account',
      'create contact',
      'create contact',
      'consent contact',
      'update lead',
    ]);
    expect(got.deliveries).toEqual([
      { event_type: 'account.created', entity: 'account', endpoints: 1, events: 1 },
      { event_type: 'consent.changed', entity: 'contact', endpoints: 1, events: 1 },
      // Anna's creation goes to both endpoints under one event id; the restricted person's to none.
      { event_type: 'contact.created', entity: 'contact', endpoints: 2, events: 1 },
    ]);
  });
});
