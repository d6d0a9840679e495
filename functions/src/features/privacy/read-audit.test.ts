// The audit of reads through the API: what each read records once flushed, the audit search, the person's export,
// the switch, erasure and retention.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { callAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { configureReadAudit, deleteReadAuditBefore, flushReadAudit } from '../../core/audit/read-audit';

describeEachDatabase('read audit', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let user: string;
  let userId: string;
  let officer: string;

  const call = callAs(() => api);
  const created = async (path: string, body: unknown) => {
    const response = await call(admin, 'POST', path, body);
    expect(response.status, response.text).toBe(201);
    return response.body as { id: string; etag: string };
  };
  const stored = (contactOrAddress: string) =>
    getDb().query<{ actor_id: string; action: string; entity: string; entity_id: string | null; address: string | null }>(
      `SELECT actor_id, action, entity, entity_id, address FROM read_audit WHERE tenant_id = $1 AND (entity_id::text = $2 OR address = $2) ORDER BY id`,
      [tenantId, contactOrAddress],
    );

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    userId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    user = await api.token({ tenantId, userId, name: 'Vertrieb Zwei', roles: ['CRM.User'] });
    officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
  });
  afterEach(() => configureReadAudit({ enabled: true }));

  it('records the addresses a context lookup asked about and the contacts they matched, not the answer, once flushed', async () => {
    const account = await created('/api/accounts', { name: 'Lesezugriff GmbH', domains: ['lesezugriff.example'] });
    const person = await created('/api/contacts', { lastName: 'Gelesen', emails: ['gelesen@lesezugriff.example'], accountId: account.id });
    await created('/api/interactions', { type: 'note', occurredAt: '2026-10-01T08:00:00Z', subject: 'Geheimes Angebot', contactIds: [person.id] });

    const lookup = await call(user, 'GET', '/api/context?email=gelesen@lesezugriff.example&email=neu@lesezugriff.example');
    expect(lookup.status).toBe(200);
    expect(await stored('neu@lesezugriff.example')).toEqual([]);
    await flushReadAudit(getDb());

    expect(await stored('gelesen@lesezugriff.example')).toEqual([
      { actor_id: expect.any(String), action: 'context', entity: 'contact', entity_id: person.id, address: 'gelesen@lesezugriff.example' },
    ]);
    expect(await stored('neu@lesezugriff.example')).toEqual([
      { actor_id: expect.any(String), action: 'context', entity: 'address', entity_id: null, address: 'neu@lesezugriff.example' },
    ]);
    const everything = JSON.stringify(await getDb().query(`SELECT * FROM read_audit WHERE tenant_id = $1`, [tenantId]));
    expect(everything).not.toContain('Geheimes Angebot');
    expect(everything).not.toContain('Lesezugriff GmbH');
    expect(everything).not.toContain(account.id);
  });

  it('records contact and account views, searches, timelines and the account tab, and finds them by person, record, actor and time', async () => {
    const before = new Date().toISOString();
    const account = await created('/api/accounts', { name: 'Suchbar AG' });
    const person = await created('/api/contacts', { lastName: 'Suchbar', emails: ['suchbar@mail.example'], accountId: account.id });
    await created('/api/interactions', {
      type: 'call',
      occurredAt: '2026-10-02T08:00:00Z',
      subject: 'Anruf',
      contactIds: [person.id],
      accountIds: [account.id],
    });
    for (const path of [
      `/api/contacts/${person.id}`,
      '/api/contacts?q=suchbar',
      `/api/accounts/${account.id}`,
      `/api/accounts/${account.id}/timeline`,
      `/api/accounts/${account.id}/overview`,
      `/api/contacts/${person.id}/consents`,
    ]) {
      expect((await call(user, 'GET', path)).status, path).toBe(200);
    }

    const byPerson = await call(officer, 'GET', `/api/audit?contactId=${person.id}&kind=read`);
    expect(byPerson.status, byPerson.text).toBe(200);
    expect(byPerson.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['consents', 'list', 'overview', 'timeline', 'view']);
    expect(byPerson.body.items[0]).toMatchObject({
      kind: 'read',
      actorId: expect.any(String),
      actorName: 'Vertrieb Zwei',
      entity: 'contact',
      entityId: person.id,
    });

    const byRecord = await call(officer, 'GET', `/api/audit?entity=account&entityId=${account.id}&kind=read`);
    expect(byRecord.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['overview', 'timeline', 'view']);
    const actorId = byPerson.body.items[0].actorId;
    const byActor = await call(officer, 'GET', `/api/audit?actorId=${actorId}&from=${encodeURIComponent(before)}&kind=read`);
    expect(byActor.body.items.length).toBe(byPerson.body.items.length + byRecord.body.items.length);
    const future = await call(officer, 'GET', `/api/audit?contactId=${person.id}&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.items).toEqual([]);

    // Reads and changes in one list, newest first; the cursor walk sees each entry once. Each search is recorded as a
    // read of the person, after this instant, so the walk stops there.
    const until = encodeURIComponent(new Date().toISOString());
    const all = await call(officer, 'GET', `/api/audit?contactId=${person.id}&to=${until}`);
    expect(all.body.items.map((e: { kind: string }) => e.kind)).toContain('change');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { kind: string; id: number }[]; nextCursor: string | null } } = await call(
        officer,
        'GET',
        `/api/audit?contactId=${person.id}&to=${until}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((e) => `${e.kind}:${e.id}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((e: { kind: string; id: number }) => `${e.kind}:${e.id}`));
    expect((await call(officer, 'GET', '/api/audit?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await call(officer, 'GET', `/api/audit?from=${encodeURIComponent(before)}&to=${encodeURIComponent(before)}`)).status).toBe(400);
  });

  it('records one interaction viewed with its people and account, and what My CRM shows: the people my follow-ups name, my accounts', async () => {
    const me = (await call(user, 'GET', '/api/me')).body as { id: string };
    const account = await created('/api/accounts', { name: 'Einzeln GmbH', ownerId: me.id });
    const person = await created('/api/contacts', { lastName: 'Einzeln', emails: ['einzeln@mail.example'], accountId: account.id });
    const bystander = await created('/api/contacts', { lastName: 'Unbeteiligt', emails: ['unbeteiligt@mail.example'] });
    const note = await created('/api/interactions', {
      type: 'note',
      occurredAt: '2026-10-03T08:00:00Z',
      subject: 'Notiz',
      contactIds: [person.id],
      accountIds: [account.id],
    });
    await created('/api/tasks', { title: 'Rückruf', dueDate: '2026-12-20', assigneeId: me.id, contactId: person.id, accountId: account.id });
    await created('/api/tasks', { title: 'Nicht meins', dueDate: '2026-12-20', contactId: bystander.id });

    expect((await call(user, 'GET', `/api/interactions/${note.id}`)).status).toBe(200);
    expect((await call(user, 'GET', '/api/me/work')).status).toBe(200);
    await flushReadAudit(getDb());

    const mine = (rows: Awaited<ReturnType<typeof stored>>) => rows.filter((r) => r.actor_id === me.id).map((r) => `${r.action} ${r.entity}`);
    expect(mine(await stored(person.id))).toEqual(['view contact', 'my_work contact']);
    expect(mine(await stored(account.id))).toEqual(['view account', 'my_work account']);
    expect(mine(await stored(bystander.id))).toEqual([]);
    const byPerson = await call(officer, 'GET', `/api/audit?contactId=${person.id}&kind=read&actorId=${me.id}`);
    expect(byPerson.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['my_work', 'view']);
  });

  it('records one opportunity and one follow-up viewed, and the leads and cases My CRM lists, with the people and accounts they concern', async () => {
    const me = (await call(user, 'GET', '/api/me')).body as { id: string };
    const account = await created('/api/accounts', { name: 'Vorgang GmbH' });
    const person = (lastName: string) => created('/api/contacts', { lastName, emails: [`${lastName.toLowerCase()}@vorgang.example`], accountId: account.id });
    const buyer = await person('Einkauf');
    const caller = await person('Rueckruf');
    const complainant = await person('Beschwerde');
    const bystander = await person('Unbeteiligt');
    const deal = await created('/api/opportunities', { accountId: account.id, name: 'Rahmenvertrag', amount: 1000, contactIds: [buyer.id] });
    const task = await created('/api/tasks', { title: 'Rückruf', dueDate: '2026-12-20', assigneeId: me.id, contactId: caller.id, accountId: account.id });
    const complaint = await created('/api/interactions', {
      type: 'complaint',
      occurredAt: '2026-10-04T08:00:00Z',
      subject: 'Lieferung beschädigt',
      contactIds: [complainant.id],
      accountIds: [account.id],
    });
    await created('/api/cases', { interactionId: complaint.id, assigneeId: me.id });
    const other = await created('/api/interactions', { type: 'complaint', occurredAt: '2026-10-04T09:00:00Z', subject: 'Andere', contactIds: [bystander.id] });
    await created('/api/cases', { interactionId: other.id });
    const lead = await created('/api/leads', { lastName: 'Interessent', email: 'Interessent@Neu.example', company: 'Neu AG', ownerId: me.id });
    const notMine = await created('/api/leads', { lastName: 'Fremd', email: 'fremd@neu.example' });

    for (const path of [`/api/opportunities/${deal.id}`, `/api/tasks/${task.id}`, '/api/leads?ownerId=me', '/api/cases?assigneeId=me']) {
      expect((await call(user, 'GET', path)).status, path).toBe(200);
    }
    await flushReadAudit(getDb());

    const mine = async (id: string) => (await stored(id)).filter((r) => r.actor_id === me.id).map((r) => `${r.action} ${r.entity}`);
    expect(await mine(buyer.id)).toEqual(['view contact']);
    expect(await mine(caller.id)).toEqual(['view contact']);
    expect(await mine(complainant.id)).toEqual(['list contact']);
    expect(await mine(bystander.id)).toEqual([]);
    expect(await mine(account.id)).toEqual(['view account', 'view account', 'list account']);
    expect(await stored(lead.id)).toEqual([{ actor_id: me.id, action: 'list', entity: 'lead', entity_id: lead.id, address: 'interessent@neu.example' }]);
    expect(await stored(notMine.id)).toEqual([]);
    const byLead = await call(officer, 'GET', `/api/audit?entity=lead&entityId=${lead.id}&kind=read`);
    expect(byLead.status, byLead.text).toBe(200);
    expect(byLead.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([['list', me.id]]);

    // One lead and one case viewed, with the audit off: nothing, and no lookup of the people for it.
    configureReadAudit({ enabled: false });
    expect((await call(user, 'GET', `/api/leads/${lead.id}`)).status).toBe(200);
    expect((await call(user, 'GET', `/api/opportunities/${deal.id}`)).status).toBe(200);
    await flushReadAudit(getDb());
    expect(await mine(lead.id)).toEqual(['list lead']);
    expect(await mine(buyer.id)).toEqual(['view contact']);
  });

  it('records the opportunity, follow-up and account lists and the opportunity export with what they concern, and the audit search itself', async () => {
    const me = (await call(user, 'GET', '/api/me')).body as { id: string };
    const account = await created('/api/accounts', { name: 'Listen Werk GmbH' });
    const person = (lastName: string) =>
      created('/api/contacts', { lastName, emails: [`${lastName.toLowerCase()}@listen-werk.example`], accountId: account.id });
    const buyer = await person('Listenkauf');
    const caller = await person('Listenruf');
    const bystander = await person('Listenfern');
    const deal = await created('/api/opportunities', { accountId: account.id, name: 'Listenvertrag', amount: 1000, contactIds: [buyer.id] });
    const task = await created('/api/tasks', { title: 'Nachfassen', dueDate: '2026-12-20', assigneeId: me.id, contactId: caller.id, accountId: account.id });

    for (const path of [
      `/api/opportunities?accountId=${account.id}`,
      `/api/tasks?accountId=${account.id}`,
      '/api/accounts?q=Listen%20Werk',
      `/api/exports/opportunities?accountId=${account.id}`,
    ]) {
      expect((await call(user, 'GET', path)).status, path).toBe(200);
    }
    await flushReadAudit(getDb());

    const mine = async (id: string) => (await stored(id)).filter((r) => r.actor_id === me.id).map((r) => `${r.action} ${r.entity}`);
    expect(await mine(deal.id)).toEqual(['list opportunity', 'export opportunity']);
    expect(await mine(task.id)).toEqual(['list task']);
    expect(await mine(buyer.id)).toEqual(['list contact', 'export contact']);
    expect(await mine(caller.id)).toEqual(['list contact']);
    expect(await mine(bystander.id)).toEqual([]);
    expect(await mine(account.id)).toEqual(['list account', 'list account', 'list account', 'export account']);

    // The officer finds the reads of one opportunity by record, and that search is recorded in turn.
    const officerId = ((await call(officer, 'GET', '/api/me')).body as { id: string }).id;
    const byDeal = await call(officer, 'GET', `/api/audit?entity=opportunity&entityId=${deal.id}&kind=read`);
    expect(byDeal.status, byDeal.text).toBe(200);
    expect(byDeal.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['export', me.id],
      ['list', me.id],
    ]);
    const byPerson = await call(officer, 'GET', `/api/audit?contactId=${buyer.id}`);
    expect(byPerson.status, byPerson.text).toBe(200);
    await flushReadAudit(getDb());
    const audits = async (id: string) => (await stored(id)).filter((r) => r.actor_id === officerId).map((r) => `${r.action} ${r.entity}`);
    expect(await audits(deal.id)).toEqual(['audit opportunity']);
    expect(await audits(buyer.id)).toEqual(['audit contact']);
    const again = await call(officer, 'GET', `/api/audit?entity=opportunity&entityId=${deal.id}&kind=read`);
    expect(again.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['audit', officerId],
      ['export', me.id],
      ['list', me.id],
    ]);

    // Switched off, the lists record nothing.
    configureReadAudit({ enabled: false });
    for (const path of [`/api/opportunities?accountId=${account.id}`, `/api/tasks?accountId=${account.id}`, '/api/accounts?q=Listen%20Werk']) {
      expect((await call(user, 'GET', path)).status, path).toBe(200);
    }
    await call(officer, 'GET', `/api/audit?contactId=${buyer.id}`);
    await flushReadAudit(getDb());
    expect(await mine(deal.id)).toHaveLength(2);
    expect(await mine(account.id)).toHaveLength(4);
    expect(await audits(buyer.id)).toEqual(['audit contact']);
  });

  it('fills "who in the company read it" in the personal-data export, the export itself included', async () => {
    const person = await created('/api/contacts', { lastName: 'Auskunft', emails: ['auskunft@mail.example'] });
    await call(user, 'GET', `/api/contacts/${person.id}`);
    await call(user, 'GET', `/api/contacts/${person.id}`);
    await call(user, 'GET', '/api/context?email=auskunft@mail.example');
    await call(officer, 'GET', `/api/contacts/${person.id}/personal-data`);
    const second = await call(officer, 'GET', `/api/contacts/${person.id}/personal-data`);
    expect(second.status, second.text).toBe(200);
    const reads = second.body.reads as { actorName: string; action: string; count: number }[];
    expect(reads.map((r) => [r.actorName, r.action, r.count]).sort()).toEqual([
      ['Test User', 'export', 2],
      ['Vertrieb Zwei', 'context', 1],
      ['Vertrieb Zwei', 'view', 2],
    ]);
  });

  it('finds changes by every kind of record the audit names: a service case, the company settings', async () => {
    const complaint = await created('/api/interactions', { type: 'complaint', occurredAt: '2026-10-05T08:00:00Z', subject: 'Falsche Lieferung' });
    const serviceCase = await created('/api/cases', { interactionId: complaint.id });
    const settings = await call(admin, 'GET', '/api/settings');
    const { etag: _etag, ...document } = settings.body as Record<string, unknown>;
    expect((await call(admin, 'PUT', '/api/settings', { ...document, sleepingAfterDays: 45 }, settings.headers.get('etag')!)).status).toBe(200);

    const changes = async (query: string) => {
      const found = await call(officer, 'GET', `/api/audit?kind=change&${query}`);
      expect(found.status, found.text).toBe(200);
      return found.body.items.map((e: { action: string; entity: string; entityId: string }) => `${e.action} ${e.entity} ${e.entityId}`);
    };
    expect(await changes(`entity=case&entityId=${serviceCase.id}`)).toEqual([`create case ${serviceCase.id}`]);
    expect(await changes(`entity=tenant&entityId=${tenantId}`)).toEqual([`settings tenant ${tenantId}`]);
    // The filter named kinds of record no change or read was ever written with; they found nothing and are refused now.
    for (const entity of ['settings', 'consent']) {
      const refused = await call(officer, 'GET', `/api/audit?entity=${entity}`);
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('entity');
    }
  });

  it('is for CRM.Privacy and CRM.Admin of the tenant only', async () => {
    for (const roles of [['CRM.User'], ['CRM.Manager'], ['CRM.Reader']] as const) {
      const token = await api.token({ tenantId, userId: randomUUID(), roles: [...roles] });
      expect((await call(token, 'GET', '/api/audit')).status).toBe(403);
    }
    expect((await call(admin, 'GET', '/api/audit?kind=read')).body.items.length).toBeGreaterThan(0);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await call(stranger, 'GET', '/api/audit')).body.items).toEqual([]);
  });

  it('records nothing while switched off', async () => {
    const person = await created('/api/contacts', { lastName: 'Unbeobachtet', emails: ['aus@mail.example'] });
    configureReadAudit({ enabled: false });
    await call(user, 'GET', `/api/contacts/${person.id}`);
    await call(user, 'GET', '/api/context?email=aus@mail.example');
    await flushReadAudit(getDb());
    expect(await stored(person.id)).toEqual([]);
    expect(await stored('aus@mail.example')).toEqual([]);
  });

  it('forgets the erased addresses but keeps who looked and when', async () => {
    const person = await created('/api/contacts', { lastName: 'Vergessen', emails: ['vergessen@mail.example'] });
    await call(user, 'GET', '/api/context?email=vergessen@mail.example');
    const erased = await call(officer, 'POST', `/api/contacts/${person.id}/erase`, { reason: 'Art. 17 Antrag' }, person.etag);
    expect(erased.status, erased.text).toBe(200);
    expect(await stored('vergessen@mail.example')).toEqual([]);
    expect(await stored(person.id)).toEqual([{ actor_id: expect.any(String), action: 'context', entity: 'contact', entity_id: person.id, address: null }]);
  });

  it('deletes entries older than the retention date, of the one tenant only (deleteReadAuditBefore)', async () => {
    const other = randomUUID();
    const old = new Date('2025-01-01T00:00:00Z');
    await getDb().query(
      `INSERT INTO read_audit (tenant_id, at, actor_id, action, entity, entity_id) VALUES ($1, $3, $4, 'view', 'contact', $4), ($1, now(), $4, 'view', 'contact', $4), ($2, $3, $4, 'view', 'contact', $4)`,
      [tenantId, other, old.toISOString(), randomUUID()],
    );
    const count = (tenant: string) =>
      getDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM read_audit WHERE tenant_id = $1 AND at < $2`, [tenant, '2025-06-01']);
    expect(await deleteReadAuditBefore(getDb(), tenantId, new Date('2025-06-01T00:00:00Z'), 10)).toBe(1);
    expect((await count(tenantId))[0]!.n).toBe(0);
    expect((await count(other))[0]!.n).toBe(1);
    expect(await deleteReadAuditBefore(getDb(), tenantId, new Date('2025-06-01T00:00:00Z'))).toBe(0);
  });
});
