// A tenant never sees another tenant's data: not by id, not by search, not through the context lookup.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP tenant isolation', (getDb) => {
  let api: ApiHarness;
  let owner: string;
  let intruder: string;
  const ids: Record<string, string> = {};
  const etags: Record<string, string> = {};

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    owner = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    intruder = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    const account = await api.call('POST', '/api/accounts', { token: owner, body: { name: 'Geheim GmbH', domains: ['geheim.de'] } });
    const contact = await api.call('POST', '/api/contacts', {
      token: owner,
      body: { lastName: 'Heimlich', emails: ['h@geheim.de'], accountId: account.body.id },
    });
    const opportunity = await api.call('POST', '/api/opportunities', {
      token: owner,
      body: { accountId: account.body.id, name: 'Großauftrag', amount: 100000 },
    });
    const task = await api.call('POST', '/api/tasks', { token: owner, body: { title: 'Rückruf', dueDate: '2026-12-01', accountId: account.body.id } });
    const interaction = await api.call('POST', '/api/interactions', {
      token: owner,
      body: { type: 'note', occurredAt: '2026-11-01T10:00:00Z', subject: 'Vertraulich', contactIds: [contact.body.id] },
    });
    for (const [name, response] of Object.entries({
      accounts: account,
      contacts: contact,
      opportunities: opportunity,
      tasks: task,
      interactions: interaction,
    })) {
      expect(response.status).toBe(201);
      ids[name] = response.body.id;
      etags[name] = response.headers.get('etag')!;
    }
  });

  it('hides records by id, for reading, changing and deleting', async () => {
    for (const collection of ['accounts', 'contacts', 'opportunities', 'tasks', 'interactions']) {
      const path = `/api/${collection}/${ids[collection]}`;
      expect((await api.call('GET', path, { token: intruder })).status, `GET ${collection}`).toBe(404);
      const patchBody =
        collection === 'interactions'
          ? { subject: 'x' }
          : collection === 'contacts'
            ? { lastName: 'x' }
            : collection === 'tasks'
              ? { title: 'x' }
              : { name: 'x' };
      expect(
        (await api.call('PATCH', path, { token: intruder, body: patchBody, headers: { 'if-match': etags[collection]! } })).status,
        `PATCH ${collection}`,
      ).toBe(404);
      if (collection !== 'interactions') {
        expect((await api.call('DELETE', path, { token: intruder, headers: { 'if-match': etags[collection]! } })).status, `DELETE ${collection}`).toBe(404);
      }
    }
    expect((await api.call('GET', `/api/accounts/${ids.accounts}/timeline`, { token: intruder })).status).toBe(404);
    expect((await api.call('GET', `/api/contacts/${ids.contacts}/consents`, { token: intruder })).status).toBe(404);
    expect((await api.call('GET', `/api/accounts/${ids.accounts}`, { token: owner })).body.name).toBe('Geheim GmbH');
  });

  it('hides records from search and lists', async () => {
    for (const path of ['/api/accounts?q=geheim', '/api/contacts?q=heimlich', '/api/opportunities', '/api/tasks', '/api/accounts?domain=geheim.de']) {
      expect((await api.call('GET', path, { token: intruder })).body.items, path).toEqual([]);
    }
    expect((await api.call('GET', '/api/interactions?iCalUId=none&internetMessageId=none', { token: intruder })).body.items).toEqual([]);
  });

  it('answers the context lookup for another tenant as unknown, with no suggested account', async () => {
    const response = await api.call('GET', '/api/context?email=h@geheim.de&email=someone@geheim.de', { token: intruder });
    expect(response.body.people).toEqual([
      { email: 'h@geheim.de', status: 'unknown', suggestedAccount: null, erased: false },
      { email: 'someone@geheim.de', status: 'unknown', suggestedAccount: null, erased: false },
    ]);
    expect(response.body.accounts).toEqual([]);
  });

  it("refuses links to another tenant's records", async () => {
    const response = await api.call('POST', '/api/interactions', {
      token: intruder,
      body: { type: 'note', occurredAt: '2026-11-01T10:00:00Z', subject: 'Sneaky', accountIds: [ids.accounts] },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('accountIds');
    const contact = await api.call('POST', '/api/contacts', { token: intruder, body: { lastName: 'Spion', accountId: ids.accounts } });
    expect(contact.status).toBe(400);
  });

  it('lets two tenants use the same email address and domain independently', async () => {
    const account = await api.call('POST', '/api/accounts', { token: intruder, body: { name: 'Andere Geheim GmbH', domains: ['geheim.de'] } });
    expect(account.status).toBe(201);
    const contact = await api.call('POST', '/api/contacts', { token: intruder, body: { lastName: 'Heimlich', emails: ['h@geheim.de'] } });
    expect(contact.status).toBe(201);
  });
});
