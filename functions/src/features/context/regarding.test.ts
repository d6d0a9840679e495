// Logging regarding any record: the type-ahead over the tenant's accounts, open opportunities and open complaints; an
// email logged regarding a complaint; an unknown sender at a known company, linked once they become a contact.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

const DAY = 86_400_000;

describeEachDatabase('regarding any record', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let user: string;
  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = user) => createAs(() => api)(token, path, body);
  const search = async (q: string, token = user) => {
    const response = await call(token, 'GET', `/api/regarding?q=${encodeURIComponent(q)}`);
    expect(response.status, response.text).toBe(200);
    return (response.body.items as Array<{ kind: string; name: string; accountName: string | null }>).map((i) => [i.kind, i.name, i.accountName]);
  };
  const past = (days: number) => new Date(Date.now() - days * DAY).toISOString();

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    user = await api.token({ tenantId, userId: randomUUID(), name: 'Anna Becker' });
  });

  it('finds accounts, open opportunities and open complaints by their name or their account name, and nothing closed', async () => {
    const weser = await created('/api/accounts', { name: 'Weserwerk Pumpen GmbH', domains: ['weserwerk.de'] });
    const other = await created('/api/accounts', { name: 'Kieler Armaturen AG' });
    await created('/api/opportunities', { accountId: weser.id, name: 'Rahmenvertrag 2027' });
    const lost = await created('/api/opportunities', { accountId: weser.id, name: 'Ersatzteile Weserwerk' });
    expect((await call(user, 'PATCH', `/api/opportunities/${lost.id}`, { status: 'lost', closeReason: 'Preis' }, lost.etag)).status).toBe(200);
    await created('/api/opportunities', { accountId: other.id, name: 'Weserwerk-Nachbau' });
    await created('/api/interactions', { type: 'complaint', subject: 'Pumpe undicht', occurredAt: past(2), accountIds: [weser.id] });
    const resolved = await created('/api/interactions', { type: 'complaint', subject: 'Rechnung falsch', occurredAt: past(3), accountIds: [weser.id] });
    expect((await call(user, 'PATCH', `/api/interactions/${resolved.id}`, { status: 'resolved', resolution: 'Gutschrift' }, resolved.etag)).status).toBe(200);

    expect(await search('weserwerk')).toEqual([
      ['account', 'Weserwerk Pumpen GmbH', 'Weserwerk Pumpen GmbH'],
      ['opportunity', 'Rahmenvertrag 2027', 'Weserwerk Pumpen GmbH'],
      ['opportunity', 'Weserwerk-Nachbau', 'Kieler Armaturen AG'],
      ['complaint', 'Pumpe undicht', 'Weserwerk Pumpen GmbH'],
    ]);
    expect(await search('UNDICHT')).toEqual([['complaint', 'Pumpe undicht', 'Weserwerk Pumpen GmbH']]);
    // A LIKE wildcard typed by the user is a literal character.
    expect(await search('%%')).toEqual([]);
  });

  it('refuses a query of fewer than two characters, naming q', async () => {
    const response = await call(user, 'GET', '/api/regarding?q=w');
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('q');
  });

  it('keeps tenants apart', async () => {
    await created('/api/accounts', { name: 'Mandantentrennung KG' });
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    expect(await search('mandantentrennung', stranger)).toEqual([]);
    expect(await search('mandantentrennung')).toEqual([['account', 'Mandantentrennung KG', 'Mandantentrennung KG']]);
  });

  it('hides a complaint only about a restricted person from everyone but CRM.Privacy and CRM.Admin', async () => {
    const account = await created('/api/accounts', { name: 'Diskret Logistik GmbH' });
    const person = await created('/api/contacts', { lastName: 'Eingeschränkt', accountId: account.id });
    await created('/api/interactions', { type: 'complaint', subject: 'Vertrauliche Beschwerde', occurredAt: past(1), contactIds: [person.id] });
    const officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await call(officer, 'POST', `/api/contacts/${person.id}/restriction`, { reason: 'Art. 18' })).status).toBe(200);
    expect(await search('vertrauliche')).toEqual([]);
    expect(await search('vertrauliche', officer)).toEqual([['complaint', 'Vertrauliche Beschwerde', 'Diskret Logistik GmbH']]);
  });

  it("logs an email regarding a complaint: the complaint is kept and the email is on its account's timeline", async () => {
    const account = await created('/api/accounts', { name: 'Antwort Maschinenbau GmbH' });
    const complaint = await created('/api/interactions', { type: 'complaint', subject: 'Lieferung zu spät', occurredAt: past(2), accountIds: [account.id] });
    const email = await created('/api/interactions', {
      type: 'email',
      direction: 'outbound',
      subject: 'Re: Lieferung zu spät',
      occurredAt: past(1),
      internetMessageId: `<${randomUUID()}@seller.example>`,
      complaintId: complaint.id,
    });
    expect(email).toMatchObject({ complaintId: complaint.id, accountIds: [account.id] });
    const timeline = (await call(user, 'GET', `/api/accounts/${account.id}/timeline`)).body.items as Array<{ id: string }>;
    expect(timeline.map((i) => i.id)).toContain(email.id);
  });

  it('refuses regarding something that is no complaint of this tenant, naming complaintId', async () => {
    const note = await created('/api/interactions', { type: 'note', subject: 'Nur eine Notiz', occurredAt: past(1) });
    const foreign = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    const foreignComplaint = await created('/api/interactions', { type: 'complaint', subject: 'Fremd', occurredAt: past(1) }, foreign);
    for (const complaintId of [note.id, foreignComplaint.id, randomUUID()]) {
      const response = await call(user, 'POST', '/api/interactions', { type: 'email', subject: 'Re', occurredAt: past(0), complaintId });
      expect(response.status, response.text).toBe(400);
      expect(JSON.stringify(response.body)).toContain('complaintId');
    }
  });

  it('logs an unknown sender at a known company to the account, and links them once they are added as a contact', async () => {
    const account = await created('/api/accounts', { name: 'Domain Bekannt GmbH', domains: ['domain-bekannt.de'] });
    const email = await created('/api/interactions', {
      type: 'email',
      direction: 'inbound',
      subject: 'Anfrage',
      occurredAt: past(1),
      internetMessageId: `<${randomUUID()}@domain-bekannt.de>`,
      accountIds: [account.id],
      pendingEmails: ['Lena.Vogt@Domain-Bekannt.de'],
    });
    expect(email).toMatchObject({ accountIds: [account.id], contactIds: [] });
    // The same request again (a retry) leaves one waiting address, not two.
    const again = await call(user, 'POST', '/api/interactions', {
      type: 'email',
      subject: 'Anfrage',
      occurredAt: past(1),
      id: email.id,
      accountIds: [account.id],
      pendingEmails: ['lena.vogt@domain-bekannt.de'],
    });
    expect(again.status).toBe(200);
    const pending = await getDb().query(`SELECT email FROM interaction_pending_contacts WHERE tenant_id = $1 AND interaction_id = $2`, [tenantId, email.id]);
    expect(pending.map((r) => r.email)).toEqual(['lena.vogt@domain-bekannt.de']);

    const lena = await created('/api/contacts', { firstName: 'Lena', lastName: 'Vogt', emails: ['lena.vogt@domain-bekannt.de'], accountId: account.id });
    const linked = (await call(user, 'GET', `/api/interactions/${email.id}`)).body;
    expect(linked.contactIds).toEqual([lena.id]);
    const timeline = (await call(user, 'GET', `/api/accounts/${account.id}/timeline?contactId=${lena.id}`)).body.items as Array<{ id: string }>;
    expect(timeline.map((i) => i.id)).toEqual([email.id]);
    expect(await getDb().query(`SELECT 1 FROM interaction_pending_contacts WHERE tenant_id = $1 AND interaction_id = $2`, [tenantId, email.id])).toEqual([]);
  });

  it('links at once an address that became a contact since the pane looked', async () => {
    const account = await created('/api/accounts', { name: 'Schnell Angelegt AG' });
    const karl = await created('/api/contacts', { lastName: 'Kurz', emails: ['karl@schnell-angelegt.de'], accountId: account.id });
    const email = await created('/api/interactions', { type: 'email', subject: 'Hallo', occurredAt: past(1), pendingEmails: ['karl@schnell-angelegt.de'] });
    expect(email).toMatchObject({ contactIds: [karl.id], accountIds: [account.id] });
  });

  it('does not store an erased address as a waiting one (409 naming the field, not the address)', async () => {
    const admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    const gone = await created('/api/contacts', { lastName: 'Gelöscht', emails: ['weg@geloescht.de'] }, admin);
    const erase = await call(admin, 'POST', `/api/contacts/${gone.id}/erase`, { reason: 'Art. 17 request' }, gone.etag);
    expect(erase.status, erase.text).toBe(200);
    const response = await call(user, 'POST', '/api/interactions', { type: 'email', subject: 'Hi', occurredAt: past(0), pendingEmails: ['x@y.de', 'weg@geloescht.de'] });
    expect(response.status).toBe(409);
    expect(JSON.stringify(response.body.errors)).toContain('pendingEmails[1]');
    expect(response.text).not.toContain('weg@geloescht.de');
  });
});
