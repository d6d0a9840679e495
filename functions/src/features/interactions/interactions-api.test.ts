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

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    accountId = (await api.call('POST', '/api/accounts', { token: user, body: { name: 'Leer GmbH' } })).body.id;
  });

  const post = (body: Record<string, unknown>) =>
    api.call('POST', '/api/interactions', { token: user, body: { occurredAt: '2026-11-20T10:00:00Z', accountIds: [accountId], ...body } });

  it('refuses a note, call or complaint whose subject is blank or missing, naming subject', async () => {
    for (const body of [
      { type: 'note', subject: '   ' },
      { type: 'call', subject: '\t\n' },
      { type: 'complaint', subject: ' ' },
      { type: 'note' },
    ]) {
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

  it('logs an email sent with a log key once: a colleague copy is the same record, found by the key and then by its message id', async () => {
    const colleague = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    const logKey = randomUUID();
    const internetMessageId = `<${randomUUID()}@leer.example>`;
    const sent = await post({ type: 'email', subject: 'Angebot', logKey });
    expect(sent.status).toBe(201);
    // The colleague's pane finds it by the header of the copy before the record has a message id.
    const context = await api.call('GET', `/api/context?email=info%40leer.example&logKey=${logKey}`, { token: colleague });
    expect(context.body.logged.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
    const copy = await api.call('POST', '/api/interactions', {
      token: colleague,
      body: { type: 'email', occurredAt: '2026-11-20T10:00:05Z', subject: 'Angebot', logKey, internetMessageId },
    });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ id: sent.body.id, internetMessageId, logKey });
    expect(copy.body.loggedBy).toHaveLength(2);
    const found = await api.call('GET', `/api/interactions?internetMessageId=${encodeURIComponent(internetMessageId)}`, { token: user });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
    const wrong = await post({ type: 'email', logKey: 'not-a-uuid' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'logKey' })]);
  });
});
