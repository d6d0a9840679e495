// Updates need the ETag they read (no lost updates); retried creates and repeated email logs leave one record.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP If-Match and idempotency', (getDb) => {
  let api: ApiHarness;
  let anna: string;
  let ben: string;
  const tenantId = randomUUID();
  beforeAll(async () => {
    api = await createApiHarness(getDb());
    anna = await api.token({ tenantId, userId: randomUUID(), name: 'Anna' });
    ben = await api.token({ tenantId, userId: randomUUID(), name: 'Ben' });
  });

  it('requires If-Match on updates (428), refuses a stale one (412) and accepts the current one', async () => {
    const created = await api.call('POST', '/api/accounts', { token: anna, body: { name: 'Weber Hydraulik GmbH' } });
    const id = created.body.id;
    const etag = created.headers.get('etag')!;
    expect(etag).toBe('"1"');

    const missing = await api.call('PATCH', `/api/accounts/${id}`, { token: anna, body: { segment: 'Mittelstand' } });
    expect(missing.status).toBe(428);
    expect(missing.body.errors[0]).toMatchObject({ field: 'If-Match', in: 'header' });

    const first = await api.call('PATCH', `/api/accounts/${id}`, { token: anna, body: { segment: 'Mittelstand' }, headers: { 'if-match': etag } });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');

    // Ben read version 1 too; his write would overwrite Anna's change, so it is refused.
    const lost = await api.call('PATCH', `/api/accounts/${id}`, { token: ben, body: { segment: 'Konzern' }, headers: { 'if-match': etag } });
    expect(lost.status).toBe(412);
    // ...and told who changed it, when and what, so he can reload or overwrite knowingly.
    expect(lost.body.lastChange).toEqual({ by: { id: expect.any(String), name: 'Anna' }, at: first.body.updatedAt, action: 'update', fields: ['segment'] });
    const stored = await api.call('GET', `/api/accounts/${id}`, { token: ben });
    expect(stored.body.segment).toBe('Mittelstand');
  });

  it('lets exactly one of two concurrent updates with the same ETag win', async () => {
    const created = await api.call('POST', '/api/tasks', { token: anna, body: { title: 'Angebot nachfassen', dueDate: '2026-12-01' } });
    const etag = created.headers.get('etag')!;
    const results = await Promise.all(
      ['2026-12-02', '2026-12-03'].map((dueDate) =>
        api.call('PATCH', `/api/tasks/${created.body.id}`, { token: anna, body: { dueDate }, headers: { 'if-match': etag } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('returns the existing record when a create with a client id is retried', async () => {
    const id = randomUUID();
    const first = await api.call('POST', '/api/accounts', { token: anna, body: { id, name: 'Retry GmbH' } });
    const retry = await api.call('POST', '/api/accounts', { token: anna, body: { id, name: 'Retry GmbH' } });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(first.headers.get('location')).toBe(`/api/accounts/${id}`);
    const list = await api.call('GET', '/api/accounts?q=retry', { token: anna });
    expect(list.body.items).toHaveLength(1);
  });

  it('logs an email once however often and by whomever it is logged', async () => {
    const email = {
      type: 'email',
      direction: 'inbound',
      occurredAt: '2026-11-20T09:30:00Z',
      subject: 'Anfrage Ersatzteile',
      internetMessageId: `<${randomUUID()}@mail.example.de>`,
      source: 'addin',
    };
    const first = await api.call('POST', '/api/interactions', { token: anna, body: email });
    const again = await api.call('POST', '/api/interactions', { token: anna, body: email });
    const colleague = await api.call('POST', '/api/interactions', { token: ben, body: email });
    expect([first.status, again.status, colleague.status]).toEqual([201, 200, 200]);
    expect(new Set([first.body.id, again.body.id, colleague.body.id]).size).toBe(1);
    expect(colleague.body.loggedBy.map((l: { displayName: string }) => l.displayName)).toEqual(['Anna', 'Ben']);

    const found = await api.call('GET', `/api/interactions?internetMessageId=${encodeURIComponent(email.internetMessageId)}`, { token: ben });
    expect(found.body.items).toHaveLength(1);

    // The add-in's one call per email also answers "is it logged?" when given the message's keys.
    const context = await api.call('GET', `/api/context?email=someone@example.de&internetMessageId=${encodeURIComponent(email.internetMessageId)}`, {
      token: ben,
    });
    expect(context.body.logged.map((i: { id: string }) => i.id)).toEqual([first.body.id]);
    const plain = await api.call('GET', '/api/context?email=someone@example.de', { token: ben });
    expect(plain.body.logged).toEqual([]);
  });

  it('logs a meeting once by its iCalUId', async () => {
    const meeting = { type: 'meeting', occurredAt: '2026-11-21T13:00:00Z', subject: 'Projektreview', iCalUId: `ical-${randomUUID()}`, source: 'addin' };
    const results = await Promise.all([anna, ben, anna].map((token) => api.call('POST', '/api/interactions', { token, body: meeting })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('resolves a complaint with If-Match and reports it no longer open', async () => {
    const account = await api.call('POST', '/api/accounts', { token: anna, body: { name: 'Reklamation KG', domains: ['reklamation-kg.de'] } });
    const contact = await api.call('POST', '/api/contacts', {
      token: anna,
      body: { lastName: 'Vogel', emails: ['vogel@reklamation-kg.de'], accountId: account.body.id },
    });
    const complaint = await api.call('POST', '/api/interactions', {
      token: anna,
      body: { type: 'complaint', occurredAt: '2026-11-01T08:00:00Z', subject: 'Lieferung beschädigt', contactIds: [contact.body.id] },
    });
    expect(complaint.body.status).toBe('open');
    const before = await api.call('GET', '/api/context?email=vogel@reklamation-kg.de', { token: anna });
    expect(before.body.accounts[0].openComplaints).toHaveLength(1);

    const resolved = await api.call('PATCH', `/api/interactions/${complaint.body.id}`, {
      token: anna,
      body: { status: 'resolved', resolution: 'Ersatz geliefert' },
      headers: { 'if-match': complaint.headers.get('etag')! },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolvedAt).not.toBeNull();
    const after = await api.call('GET', '/api/context?email=vogel@reklamation-kg.de', { token: anna });
    expect(after.body.accounts[0].openComplaints).toHaveLength(0);
  });
});
