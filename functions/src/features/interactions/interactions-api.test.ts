// Logging over HTTP: what the contract refuses is a 400 problem naming the field, and nothing is stored.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

describeEachDatabase('interactions over HTTP', (getDb) => {
  let api: ApiHarness;
  let user: string;
  let accountId: string;
  const tenantId = randomUUID();
  const ANNA = 'anna@leer-vertrieb.example';

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'], email: ANNA });
    accountId = (await api.call('POST', '/api/accounts', { token: user, body: { name: 'Leer GmbH' } })).body.id;
  });

  const post = (body: Record<string, unknown>) =>
    api.call('POST', '/api/interactions', { token: user, body: { occurredAt: '2026-11-20T10:00:00Z', accountIds: [accountId], ...body } });

  it('refuses a note, call or complaint whose subject is blank or missing, naming subject', async () => {
    for (const body of [{ type: 'note', subject: '   ' }, { type: 'call', subject: '\t\n' }, { type: 'complaint', subject: ' ' }, { type: 'note' }]) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'subject', in: 'body' })]);
    }
    const timeline = await api.call('GET', `/api/accounts/${accountId}/timeline`, { token: user });
    expect(timeline.body.items).toEqual([]);
  });

  it('still takes an email or meeting without a subject, as Outlook allows them', async () => {
    expect((await post({ type: 'email', subject: '' })).status).toBe(201);
    expect((await post({ type: 'meeting' })).status).toBe(201);
  });

  it('refuses blanking the subject of a logged note', async () => {
    const note = await post({ type: 'note', subject: 'Besuch' });
    const response = await api.call('PATCH', `/api/interactions/${note.body.id}`, {
      token: user,
      body: { subject: '  ' },
      headers: { 'if-match': note.body.etag },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'subject' })]);
  });

  it('takes a back-dated call and a future meeting, and refuses a call in the future, naming occurredAt', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect((await post({ type: 'call', subject: 'Rückruf von gestern', occurredAt: new Date(Date.now() - 86_400_000).toISOString() })).status).toBe(201);
    expect((await post({ type: 'meeting', subject: 'Nächste Woche', occurredAt: inAnHour })).status).toBe(201);
    const future = await post({ type: 'call', subject: 'Morgen', occurredAt: inAnHour });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt', in: 'body', reason: expect.stringMatching(/future/) })]);
  });

  it('searches and counts the timeline over HTTP and names a bad count or q', async () => {
    const timelineOf = (query: string) => api.call('GET', `/api/accounts/${accountId}/timeline?${query}`, { token: user });
    await post({ type: 'note', subject: 'Suchwort Alpha' });
    await post({ type: 'call', subject: 'Suchwort Beta', occurredAt: '2026-11-19T10:00:00Z' });
    const found = await timelineOf('q=suchwort&type=note&type=call&count=true&limit=1');
    expect(found.status, found.text).toBe(200);
    expect(found.body.total).toBe(2);
    expect(found.body.items.map((i: { subject: string }) => i.subject)).toEqual(['Suchwort Alpha']);
    for (const [query, field] of [
      ['count=yes', 'count'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['type=letter', 'type'],
    ]) {
      const bad = await timelineOf(query!);
      expect(bad.status, query).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field}`)), in: 'query' })]);
    }
  });

  it('logs an email sent with a log key once: a colleague copy is the same record, found by the key and then by its message id', async () => {
    const colleague = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    const logKey = randomUUID();
    const internetMessageId = `<${randomUUID()}@leer.example>`;
    const sent = await post({ type: 'email', direction: 'outbound', subject: 'Angebot', logKey });
    expect(sent.status).toBe(201);
    // The colleague's pane finds it by the header of the copy before the record has a message id; from a customer's
    // address the same header finds nothing, and logging that email makes its own record.
    const contextFrom = (sender: string) =>
      api.call('GET', `/api/context?email=info%40leer.example&logKey=${logKey}&sender=${encodeURIComponent(sender)}`, { token: colleague });
    expect((await contextFrom(ANNA)).body.logged.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
    expect((await contextFrom('info@leer.example')).body.logged).toEqual([]);
    const received = (sender: string, messageId: string) =>
      api.call('POST', '/api/interactions', {
        token: colleague,
        body: { type: 'email', direction: 'inbound', occurredAt: '2026-11-20T10:00:05Z', subject: 'Angebot', logKey, sender, internetMessageId: messageId },
      });
    const forged = await received('info@leer.example', `<${randomUUID()}@leer.example>`);
    expect(forged.status).toBe(201);
    expect(forged.body.logKey).toBeNull();
    const copy = await received(ANNA, internetMessageId);
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ id: sent.body.id, internetMessageId, logKey });
    expect(copy.body.loggedBy).toHaveLength(2);
    const found = await api.call('GET', `/api/interactions?internetMessageId=${encodeURIComponent(internetMessageId)}`, { token: user });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
    const wrong = await post({ type: 'email', logKey: 'not-a-uuid' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'logKey' })]);
    const noAddress = await post({ type: 'email', logKey, sender: 'anna' });
    expect(noAddress.body.errors).toEqual([expect.objectContaining({ field: 'sender' })]);
  });
});
