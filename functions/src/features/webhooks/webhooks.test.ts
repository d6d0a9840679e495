// Outbound webhooks against a local https receiver: registration, signed thin events in order per record, back-off
// after 500s and timeouts, pause after a day of failures and resume, sending given-up deliveries again, leases of a
// worker that died, privacy and tenants.
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { deliverDue } from './delivery';
import { claimDue, markDelivered, markFailed } from './store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The receiver's side, written from the Standard Webhooks spec: HMAC-SHA256 of "id.timestamp.body", base64, 5 minutes' tolerance. */
function verify(secret: string, delivery: ReceivedDelivery, now: Date): unknown {
  const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = delivery.headers;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > 300) throw new Error('timestamp outside the tolerance: a replay');
  const expected = createHmac('sha256', Buffer.from(secret.replace(/^whsec_/, ''), 'base64'))
    .update(`${id}.${timestamp}.${delivery.body}`)
    .digest('base64');
  if (!signature!.split(' ').includes(`v1,${expected}`)) throw new Error('signature does not match');
  return JSON.parse(delivery.body);
}

describeEachDatabase('webhooks', (getDb) => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  let tenantId: string;
  let admin: string;

  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = admin) => createAs(() => api)<{ id: string; etag: string; secret?: string }>(token, path, body);
  const register = (events: string[]) => created('/api/webhooks', { url: receiver.url, events, description: 'ERP' });
  // The receiver answers at once unless a test makes it hang (and then passes its own short timeout); on a machine at
  // load 20 a TLS handshake alone took over 2 s, which made expected deliveries count as failures.
  const deliver = (at: Date, timeoutMs = 30_000) => deliverDue(getDb(), { now: () => at, timeoutMs });
  const types = () => receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(async () => {
    // Each test is its own tenant, and the worker serves all: what an earlier test left waiting must not reach this one.
    await getDb().query(`DELETE FROM webhook_endpoints`);
    receiver.reset();
    tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
  });

  it('registers https endpoints only, for admins, and shows the secret once', async () => {
    const plain = await call(admin, 'POST', '/api/webhooks', { url: 'http://erp.example/hook', events: ['account.created'] });
    expect(plain.status).toBe(400);
    expect(plain.body.errors).toEqual([expect.objectContaining({ field: 'url', reason: expect.stringMatching(/https/) })]);
    expect((await call(admin, 'POST', '/api/webhooks', { url: receiver.url, events: ['account.renamed'] })).body.errors[0].field).toBe('events[0]');
    const manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    expect((await call(manager, 'POST', '/api/webhooks', { url: receiver.url, events: ['account.created'] })).status).toBe(403);
    expect((await call(manager, 'GET', '/api/webhooks')).status).toBe(403);

    const id = randomUUID();
    const first = await created('/api/webhooks', { id, url: receiver.url, events: ['account.created', 'account.created'] });
    expect(first).toMatchObject({
      id,
      events: ['account.created'],
      status: 'active',
      pendingDeliveries: 0,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    const retried = await call(admin, 'POST', '/api/webhooks', { id, url: receiver.url, events: ['account.created'] });
    expect(retried).toMatchObject({ status: 200, body: { id, secret: first.secret } });
    const otherAdmin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(otherAdmin, 'POST', '/api/webhooks', { id, url: receiver.url, events: ['account.created'] })).status).toBe(409);
    const read = await call(admin, 'GET', `/api/webhooks/${id}`);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.text).not.toContain(first.secret!);
    expect((await call(admin, 'GET', '/api/webhooks')).body.items.map((e: { id: string }) => e.id)).toEqual([id]);
  });

  it('sends each change once, signed, as a thin event in the order of its record', async () => {
    const endpoint = await register(['account.created', 'contact.created', 'contact.changed', 'interaction.logged']);
    const account = await created('/api/accounts', { name: 'Kunde GmbH' });
    const contact = await created('/api/contacts', { firstName: 'Greta', lastName: 'Geheimnis', emails: ['greta@kunde.example'], accountId: account.id });
    let etag = contact.etag;
    for (const jobTitle of ['Einkauf', 'Leitung Einkauf']) {
      const changed = await call(admin, 'PATCH', `/api/contacts/${contact.id}`, { jobTitle }, etag);
      etag = changed.headers.get('etag')!;
    }
    await created('/api/tasks', { title: 'Greta anrufen', dueDate: '2026-12-20', contactId: contact.id });
    await created('/api/interactions', { type: 'note', subject: 'Notiz', occurredAt: '2026-11-30T10:00:00Z', contactIds: [contact.id] });
    expect(receiver.received).toEqual([]);

    const now = new Date();
    expect(await deliver(now)).toEqual({ delivered: 5, failed: 0 });
    // Different records go out side by side; one record's events keep their order.
    expect(types().sort()).toEqual(['account.created', 'contact.changed', 'contact.changed', 'contact.created', 'interaction.logged']);
    expect(types().filter((t) => t.startsWith('contact.'))).toEqual(['contact.created', 'contact.changed', 'contact.changed']);
    const events = receiver.received.map((r) => verify(endpoint.secret!, r, now) as { type: string; data: Record<string, unknown> });
    expect(events.find((e) => e.type === 'contact.changed')).toEqual({
      type: 'contact.changed',
      timestamp: expect.any(String),
      data: { tenantId, entity: 'contact', id: contact.id, changedFields: ['jobTitle'] },
    });
    expect(receiver.received.map((r) => r.body).join()).not.toMatch(/Greta|Geheimnis|kunde\.example|Einkauf/);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(5);
    expect(receiver.received[0]!.headers['content-type']).toBe('application/json');

    expect(() => verify(endpoint.secret!, receiver.received[0]!, new Date(now.getTime() + 6 * MINUTE))).toThrow(/replay/);
    const tampered = { ...receiver.received[0]!, body: receiver.received[0]!.body.replace('account.created', 'account.deleted') };
    expect(() => verify(endpoint.secret!, tampered, now)).toThrow(/signature/);

    expect(await deliver(now)).toEqual({ delivered: 0, failed: 0 });
    const log = await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries?limit=2`);
    expect(log.body.items.map((d: { type: string; status: string; attempts: number }) => [d.type, d.status, d.attempts])).toEqual([
      ['interaction.logged', 'delivered', 1],
      ['contact.changed', 'delivered', 1],
    ]);
    const rest = await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries?cursor=${log.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(3);
  });

  it("retries after a 500 and a timeout with growing gaps, holding back the same record's later events", async () => {
    const endpoint = await register(['account.created', 'contact.created', 'contact.changed']);
    receiver.respond(500);
    const contact = await created('/api/contacts', { lastName: 'Reihenfolge' });
    await call(admin, 'PATCH', `/api/contacts/${contact.id}`, { jobTitle: 'neu' }, contact.etag);
    await created('/api/accounts', { name: 'Andere AG' });
    const t0 = new Date();

    expect(await deliver(t0)).toEqual({ delivered: 1, failed: 1 });
    expect(types().sort()).toEqual(['account.created', 'contact.created']);
    const waiting = await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries?status=pending`);
    expect(waiting.body.items.map((d: { type: string }) => d.type)).toEqual(['contact.changed', 'contact.created']);
    expect(waiting.body.items[1]).toMatchObject({
      attempts: 1,
      lastStatus: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: new Date(t0.getTime() + 30_000).toISOString(),
    });
    // The other account's event got through, so the endpoint as a whole is not failing.
    expect((await call(admin, 'GET', `/api/webhooks/${endpoint.id}`)).body).toMatchObject({ failingSince: null, pendingDeliveries: 2 });

    expect(await deliver(new Date(t0.getTime() + 29_000))).toEqual({ delivered: 0, failed: 0 });
    receiver.respond('hang');
    const t1 = new Date(t0.getTime() + 31_000);
    expect(await deliverDue(getDb(), { now: () => t1, timeoutMs: 300 })).toEqual({ delivered: 0, failed: 1 });
    const second = (await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries?status=pending`)).body.items[1];
    expect(second).toMatchObject({
      attempts: 2,
      lastStatus: null,
      lastError: 'no answer within 0.3 s',
      nextAttemptAt: new Date(t1.getTime() + MINUTE).toISOString(),
    });

    expect(await deliver(new Date(t1.getTime() + MINUTE))).toEqual({ delivered: 2, failed: 0 });
    expect(types().filter((t) => t.startsWith('contact.'))).toEqual(['contact.created', 'contact.created', 'contact.created', 'contact.changed']);
    const ids = receiver.received.filter((r) => r.body.includes('contact.created')).map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(1);
    expect((await call(admin, 'GET', `/api/webhooks/${endpoint.id}`)).body).toMatchObject({ failingSince: null, pendingDeliveries: 0 });
  });

  it('pauses an endpoint that failed for 24 hours, keeps what happens meanwhile, and sends it on resume', async () => {
    const endpoint = await register(['account.created']);
    receiver.respond(...Array.from({ length: 40 }, () => 503));
    await created('/api/accounts', { name: 'Erste AG' });
    const t0 = new Date();
    expect(await deliver(t0)).toEqual({ delivered: 0, failed: 1 });
    const later = new Date(t0.getTime() + 24 * HOUR + MINUTE);
    expect(await deliver(later)).toEqual({ delivered: 0, failed: 1 });
    const paused = await call(admin, 'GET', `/api/webhooks/${endpoint.id}`);
    expect(paused.body).toMatchObject({ status: 'paused', pausedReason: 'every delivery failed for 24 hours; last error: HTTP 503' });
    expect((await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries`)).body.items[0]).toMatchObject({ status: 'failed', attempts: 2 });

    await created('/api/accounts', { name: 'Zweite AG' });
    receiver.reset();
    expect(await deliver(later)).toEqual({ delivered: 0, failed: 0 });
    const resumed = await call(admin, 'PATCH', `/api/webhooks/${endpoint.id}`, { status: 'active' }, paused.headers.get('etag')!);
    expect(resumed.body).toMatchObject({ status: 'active', pausedReason: null, failingSince: null, pendingDeliveries: 1 });
    expect(await deliver(new Date())).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['account.created']);
  });

  it('sends given-up deliveries again when an admin asks, after the resume and in order per record, with their event ids', async () => {
    const endpoint = await register(['account.created', 'account.changed']);
    receiver.respond(...Array.from({ length: 40 }, () => 503));
    const account = await created('/api/accounts', { name: 'Ausfall AG' });
    const t0 = new Date();
    await deliver(t0);
    await deliver(new Date(t0.getTime() + 24 * HOUR + MINUTE));
    const paused = await call(admin, 'GET', `/api/webhooks/${endpoint.id}`);
    expect(paused.body).toMatchObject({ status: 'paused' });
    const [givenUp] = (await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries?status=failed`)).body.items as Array<{ eventId: string }>;
    const firstId = receiver.received[0]!.headers['webhook-id'];
    expect(givenUp!.eventId).toBe(firstId);
    // While it is paused, the same account changes: that event waits behind the given-up one once both are queued.
    await call(admin, 'PATCH', `/api/accounts/${account.id}`, { industry: 'Handel' }, account.etag);
    receiver.reset();

    const manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    expect((await call(manager, 'POST', `/api/webhooks/${endpoint.id}/redeliver`, {})).status).toBe(403);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(stranger, 'POST', `/api/webhooks/${endpoint.id}/redeliver`, {})).status).toBe(404);
    const bad = await call(admin, 'POST', `/api/webhooks/${endpoint.id}/redeliver`, { eventIds: ['nicht-eine-id'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('eventIds[0]');

    expect((await call(admin, 'POST', `/api/webhooks/${endpoint.id}/redeliver`, {})).body).toEqual({ redelivered: 1, paused: true });
    // Asked again (a retried request): it already waits, so nothing more is queued.
    expect((await call(admin, 'POST', `/api/webhooks/${endpoint.id}/redeliver`, {})).body).toEqual({ redelivered: 0, paused: true });
    expect(await deliver(new Date())).toEqual({ delivered: 0, failed: 0 });
    const resumed = await call(admin, 'PATCH', `/api/webhooks/${endpoint.id}`, { status: 'active' }, paused.headers.get('etag')!);
    expect(resumed.body).toMatchObject({ status: 'active', pendingDeliveries: 2 });
    expect(await deliver(new Date())).toEqual({ delivered: 2, failed: 0 });
    expect(types()).toEqual(['account.created', 'account.changed']);
    expect(receiver.received[0]!.headers['webhook-id']).toBe(firstId);
    const log = (await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries`)).body.items;
    expect(log.map((d: { type: string; status: string; attempts: number }) => [d.type, d.status, d.attempts])).toEqual([
      ['account.changed', 'delivered', 1],
      ['account.created', 'delivered', 1],
    ]);

    // A delivered event named by its id goes again (the receiver lost it), with the same webhook-id.
    receiver.reset();
    expect((await call(admin, 'POST', `/api/webhooks/${endpoint.id}/redeliver`, { eventIds: [firstId] })).body).toEqual({ redelivered: 1, paused: false });
    expect(await deliver(new Date())).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([firstId]);
    const audit = await getDb().query<{ changed_fields: string[] }>(
      `SELECT changed_fields FROM audit_log WHERE tenant_id = $1 AND entity = 'webhook' AND entity_id = $2 AND action = 'update' ORDER BY id`,
      [tenantId, endpoint.id],
    );
    expect(audit.map((a) => a.changed_fields)).toEqual([['redelivered'], ['status'], ['redelivered']]);
  });

  it('keeps the endpoint healthy when a failure of the same round is written while a success still holds its transaction', async () => {
    // The interleaving that lost the success before migration 0022: the failure's statement takes its snapshot while
    // the success is written but not committed. On PostgreSQL the failure must then wait for the success's lock on the
    // endpoint row and re-read it; PGlite runs one transaction at a time, so there the failure can only follow.
    const db = getDb();
    const endpoint = await register(['account.created']);
    await created('/api/accounts', { name: 'Erfolg AG' });
    await created('/api/accounts', { name: 'Fehler AG' });
    const now = new Date();
    const [success, failure] = await claimDue(db, now, MINUTE, 10);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const successWritten = new Promise<void>((resolve) => (written = resolve));
    const committing = db.transaction(async (tx) => {
      await markDelivered(tx, success!, 200, now);
      written();
      await held;
    });
    await successWritten;
    let failureWritten = false;
    const failing = markFailed(db, failure!, { status: 500, error: 'HTTP 500' }, now, new Date(now.getTime() + 30_000)).finally(() => {
      failureWritten = true;
    });
    if (db.kind === 'postgres') {
      // Wait for the state, not for time: the failure either waits for the success's row lock (the fix) or has
      // already written without seeing the success (what happened before it).
      const waitsForLock = async () =>
        (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'WITH attempt AS%'`,
          )
        )[0]!.n > 0;
      while (!failureWritten && !(await waitsForLock())) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    release();
    await Promise.all([committing, failing]);
    expect((await call(admin, 'GET', `/api/webhooks/${endpoint.id}`)).body).toMatchObject({ status: 'active', failingSince: null, pendingDeliveries: 1 });
  });

  it('sends again what a worker claimed before it died, once its lease runs out', async () => {
    await register(['account.created']);
    await created('/api/accounts', { name: 'Lease GmbH' });
    const t0 = new Date();
    expect(await claimDue(getDb(), t0, MINUTE, 10)).toHaveLength(1);
    expect(await deliver(new Date(t0.getTime() + 30_000))).toEqual({ delivered: 0, failed: 0 });
    expect(await deliver(new Date(t0.getTime() + MINUTE + 1000))).toEqual({ delivered: 1, failed: 0 });
    expect(types()).toEqual(['account.created']);
  });

  it('sends nothing for a change that rolled back, even when it failed only at its commit', async () => {
    await register(['account.created']);
    // Fails this tenant's transactions at COMMIT, after the change, its audit entry and the outbox row were written.
    await getDb().exec(`
      CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tenant_id = '${tenantId}' THEN RAISE EXCEPTION 'power cut at commit'; END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON audit_log DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION fail_at_commit();`);
    let failed;
    try {
      failed = await call(admin, 'POST', '/api/accounts', { name: 'Nie gespeichert GmbH' });
    } finally {
      await getDb().exec(`DROP TRIGGER fail_at_commit ON audit_log; DROP FUNCTION fail_at_commit();`);
    }
    expect(failed.status).toBe(500);
    expect(await getDb().query(`SELECT 1 FROM accounts WHERE tenant_id = $1`, [tenantId])).toEqual([]);
    expect(await getDb().query(`SELECT 1 FROM webhook_deliveries WHERE tenant_id = $1`, [tenantId])).toEqual([]);
    expect(await deliver(new Date())).toEqual({ delivered: 0, failed: 0 });

    await created('/api/accounts', { name: 'Gespeichert GmbH' });
    expect(await deliver(new Date())).toEqual({ delivered: 1, failed: 0 });
    expect(types()).toEqual(['account.created']);
  });

  it('sends nothing of a restricted person, the erasure without the person, and nothing across tenants', async () => {
    const endpoint = await register(['contact.changed', 'consent.changed', 'person.erased', 'account.created']);
    const officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
    const contact = await created('/api/contacts', { firstName: 'Rita', lastName: 'Ruhig', emails: ['rita@ruhig.example'] });
    expect((await call(officer, 'POST', `/api/contacts/${contact.id}/restriction`, { reason: 'Art. 18' })).status).toBe(200);
    await created('/api/consents', {
      contactId: contact.id,
      channel: 'email',
      purpose: 'newsletter',
      legalBasis: 'consent',
      action: 'withdrawn',
      source: 'Telefon',
    });
    expect((await call(officer, 'DELETE', `/api/contacts/${contact.id}/restriction`, { reason: 'geprüft' })).status).toBe(200);
    const etag = (await call(admin, 'GET', `/api/contacts/${contact.id}`)).headers.get('etag')!;
    expect((await call(officer, 'POST', `/api/contacts/${contact.id}/erase`, { reason: 'Art. 17' }, etag)).status).toBe(200);

    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    await created('/api/accounts', { name: 'Fremd GmbH' }, stranger);
    expect((await call(stranger, 'GET', `/api/webhooks/${endpoint.id}`)).status).toBe(404);

    expect(await deliver(new Date())).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      { type: 'person.erased', timestamp: expect.any(String), data: { tenantId, entity: 'contact', id: contact.id, changedFields: [] } },
    ]);
  });

  it("sends case.deleted when an erasure deletes the person's complaint, in the erasure's transaction and without their data", async () => {
    await register(['case.deleted', 'person.erased']);
    const officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
    const account = await created('/api/accounts', { name: 'Beschwerde GmbH' });
    const contact = await created('/api/contacts', { firstName: 'Berta', lastName: 'Beschwerlich', emails: ['berta@beschwerde.example'], accountId: account.id });
    const complaint = await created('/api/interactions', {
      type: 'complaint',
      subject: 'Lager von Berta defekt',
      occurredAt: '2026-11-30T10:00:00Z',
      contactIds: [contact.id],
    });
    const opened = await created('/api/cases', { interactionId: complaint.id, priority: 'high' });
    const erase = async () =>
      call(officer, 'POST', `/api/contacts/${contact.id}/erase`, { reason: 'Art. 17' }, (await call(admin, 'GET', `/api/contacts/${contact.id}`)).headers.get('etag')!);
    const outbox = () =>
      getDb().query<{ event_type: string; entity_id: string }>(`SELECT event_type, entity_id FROM webhook_deliveries WHERE tenant_id = $1 ORDER BY seq`, [tenantId]);

    // The erasure's own audit entry, written after the case's, fails: nothing of it stays, the case's event neither.
    await getDb().exec(`
      CREATE FUNCTION fail_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tenant_id = '${tenantId}' AND NEW.action = 'erase' THEN RAISE EXCEPTION 'erasure fails at its end'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_erasure BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_erasure();`);
    let failed;
    try {
      failed = await erase();
    } finally {
      await getDb().exec(`DROP TRIGGER fail_erasure ON audit_log; DROP FUNCTION fail_erasure();`);
    }
    expect(failed.status).toBe(500);
    expect(await outbox()).toEqual([]);
    expect((await call(admin, 'GET', `/api/cases/${opened.id}`)).status).toBe(200);

    expect((await erase()).status).toBe(200);
    expect((await call(admin, 'GET', `/api/cases/${opened.id}`)).status).toBe(404);
    expect(await outbox()).toEqual([
      { event_type: 'case.deleted', entity_id: opened.id },
      { event_type: 'person.erased', entity_id: contact.id },
    ]);
    expect(await deliver(new Date())).toEqual({ delivered: 2, failed: 0 });
    expect(receiver.received.map((r) => JSON.parse(r.body)).find((e) => e.type === 'case.deleted')).toEqual({
      type: 'case.deleted',
      timestamp: expect.any(String),
      data: { tenantId, entity: 'case', id: opened.id, changedFields: [] },
    });
    expect(receiver.received.map((r) => r.body).join()).not.toMatch(/Berta|Beschwerlich|beschwerde\.example|Lager/);
  });
});
