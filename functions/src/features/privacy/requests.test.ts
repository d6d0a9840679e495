// The register of data subject requests through the API: deadlines, one extension, If-Match, answers, rectification
// links, roles and tenants.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { addDays, addMonths, todayUtc } from './request-deadlines';

describeEachDatabase('data subject requests', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let officer: string;
  let admin: string;
  const today = todayUtc();

  const call = callAs(() => api);
  const register = async (body: Record<string, unknown>) => {
    const response = await call(officer, 'POST', '/api/privacy/requests', body);
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  const newContact = async (lastName: string, emails: string[] = []) => {
    const response = await call(admin, 'POST', '/api/contacts', { lastName, emails });
    expect(response.status, response.text).toBe(201);
    return response.body as { id: string; etag: string };
  };

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    officer = await api.token({ tenantId, userId: randomUUID(), name: 'Datenschutz', roles: ['CRM.Privacy'] });
    admin = await api.token({ tenantId, userId: randomUUID(), name: 'Admin', roles: ['CRM.Admin'] });
  });

  it('registers a request for a contact, due one month from receipt: received 31 Jan, due 28 Feb', async () => {
    const person = await newContact('Auskunft');
    const request = await register({ type: 'access', contactId: person.id, receivedOn: '2026-01-31', note: 'Brief vom 30.01., Identität geprüft' });
    expect(request).toMatchObject({
      type: 'access',
      contactId: person.id,
      email: null,
      receivedOn: '2026-01-31',
      dueOn: '2026-02-28',
      originalDueOn: '2026-02-28',
      extension: null,
      status: 'received',
      answer: null,
      overdue: true,
      dueThisWeek: false,
    });
    expect(request.actions).toEqual([expect.objectContaining({ kind: 'registered', detail: 'Brief vom 30.01., Identität geprüft', actorName: 'Datenschutz' })]);
    const leap = await register({ type: 'objection', email: 'schaltjahr@mail.example', receivedOn: '2024-01-31' });
    expect(leap.dueOn).toBe('2024-02-29');
  });

  it('keeps only the address when the person is not a contact, and refuses both or neither', async () => {
    const request = await register({ type: 'erasure', email: ' Nur.Adresse@Mail.Example ', receivedOn: today });
    expect(request).toMatchObject({ contactId: null, email: 'nur.adresse@mail.example', dueOn: addMonths(today, 1) });
    const person = await newContact('Beides');
    const both = await call(officer, 'POST', '/api/privacy/requests', { type: 'access', contactId: person.id, email: 'x@mail.example', receivedOn: today });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'email', in: 'body' })]);
    const neither = await call(officer, 'POST', '/api/privacy/requests', { type: 'access', receivedOn: today });
    expect(neither.body.errors).toEqual([expect.objectContaining({ field: 'contactId' })]);
    const unknown = await call(officer, 'POST', '/api/privacy/requests', { type: 'access', contactId: randomUUID(), receivedOn: today });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'contactId' })]);
    const future = await call(officer, 'POST', '/api/privacy/requests', { type: 'access', email: 'x@mail.example', receivedOn: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'receivedOn' })]);
  });

  it('is idempotent when the client sends an id: the retry answers 200 with the one stored request', async () => {
    const id = randomUUID();
    const body = { id, type: 'portability', email: 'retry@mail.example', receivedOn: today };
    const first = await call(officer, 'POST', '/api/privacy/requests', body);
    const retry = await call(officer, 'POST', '/api/privacy/requests', body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body).toEqual(first.body);
    expect(first.headers.get('location')).toBe(`/api/privacy/requests/${id}`);
    const rows = await getDb().query(`SELECT 1 FROM privacy_request_actions WHERE tenant_id = $1 AND request_id = $2`, [tenantId, id]);
    expect(rows).toHaveLength(1);
  });

  it('extends once by up to two months, counted from receipt, with the reason recorded', async () => {
    const receivedOn = addDays(today, -3);
    const request = await register({ type: 'access', email: 'viel@mail.example', receivedOn });
    const extended = await call(
      officer,
      'PATCH',
      `/api/privacy/requests/${request.id}`,
      { extension: { months: 2, reason: 'Umfang: 12 Jahre Korrespondenz' } },
      request.etag,
    );
    expect(extended.status, extended.text).toBe(200);
    expect(extended.body).toMatchObject({
      dueOn: addMonths(receivedOn, 3),
      originalDueOn: addMonths(receivedOn, 1),
      extension: { dueOn: addMonths(receivedOn, 3), reason: 'Umfang: 12 Jahre Korrespondenz' },
    });
    expect(extended.body.actions.map((a: { kind: string; detail: string }) => [a.kind, a.detail])).toEqual([
      ['registered', ''],
      ['extended', addMonths(receivedOn, 3)],
    ]);
    const again = await call(officer, 'PATCH', `/api/privacy/requests/${request.id}`, { extension: { months: 1, reason: 'noch mehr' } }, extended.body.etag);
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'extension' })]);
    const stored = await call(officer, 'GET', `/api/privacy/requests/${request.id}`);
    expect(stored.body.dueOn).toBe(addMonths(receivedOn, 3));
  });

  it('refuses an extension decided after the first month ran out (Art. 12(3))', async () => {
    const request = await register({ type: 'access', email: 'spaet@mail.example', receivedOn: '2026-01-31' });
    const late = await call(officer, 'PATCH', `/api/privacy/requests/${request.id}`, { extension: { months: 2, reason: 'zu spät' } }, request.etag);
    expect(late.status).toBe(409);
    expect(late.text).toContain('2026-02-28');
  });

  it('needs If-Match with the current version', async () => {
    const request = await register({ type: 'objection', email: 'etag@mail.example', receivedOn: today });
    const path = `/api/privacy/requests/${request.id}`;
    expect((await call(officer, 'PATCH', path, { status: 'in_progress' })).status).toBe(428);
    const first = await call(officer, 'PATCH', path, { status: 'in_progress' }, request.etag);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(first.body.etag);
    const stale = await call(officer, 'PATCH', path, { action: 'Werbesperre gesetzt' }, request.etag);
    expect(stale.status).toBe(412);
    expect((await call(officer, 'GET', path)).body.actions).toHaveLength(2);
  });

  it('closes a request only with the answer sent, and then flags it no longer', async () => {
    const request = await register({ type: 'access', email: 'antwort@mail.example', receivedOn: addDays(today, -40) });
    expect(request.overdue).toBe(true);
    const path = `/api/privacy/requests/${request.id}`;
    const noAnswer = await call(officer, 'PATCH', path, { status: 'completed' }, request.etag);
    expect(noAnswer.status).toBe(400);
    expect(noAnswer.body.errors).toEqual([expect.objectContaining({ field: 'answer' })]);
    const done = await call(
      officer,
      'PATCH',
      path,
      { status: 'completed', answer: { sentOn: today, text: 'Auskunft per Brief mit Anlage JSON' } },
      request.etag,
    );
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      answer: { sentOn: today, text: 'Auskunft per Brief mit Anlage JSON' },
      overdue: false,
      dueThisWeek: false,
    });
    expect(done.body.actions.map((a: { kind: string }) => a.kind)).toEqual(['registered', 'answered', 'status']);
  });

  it('lists open requests first by deadline, with overdue and due-this-week flags, and walks pages', async () => {
    const own = randomUUID();
    const list = await api.token({ tenantId: own, userId: randomUUID(), roles: ['CRM.Privacy'] });
    const add = async (receivedOn: string, email: string) => {
      const response = await call(list, 'POST', '/api/privacy/requests', { type: 'access', email, receivedOn });
      expect(response.status, response.text).toBe(201);
      return response.body;
    };
    const later = await add(today, 'later@mail.example');
    const overdue = await add(addDays(today, -45), 'overdue@mail.example');
    // 27 days ago is due in one to four days, whatever the months' lengths.
    const soon = await add(addDays(today, -27), 'soon@mail.example');
    const closed = await add(addDays(today, -50), 'closed@mail.example');
    await call(
      list,
      'PATCH',
      `/api/privacy/requests/${closed.id}`,
      { status: 'rejected', answer: { sentOn: today, text: 'Identität nicht nachgewiesen' } },
      closed.etag,
    );

    const all = await call(list, 'GET', '/api/privacy/requests');
    expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([overdue.id, soon.id, later.id, closed.id]);
    expect(all.body.items.map((r: { overdue: boolean; dueThisWeek: boolean }) => [r.overdue, r.dueThisWeek])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
    const open = await call(list, 'GET', '/api/privacy/requests?status=open');
    expect(open.body.items).toHaveLength(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(
        list,
        'GET',
        `/api/privacy/requests?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((r: { id: string }) => r.id));
  });

  it('links the audited edits of its contact to a rectification request, and nothing else', async () => {
    const person = await newContact('Berichtigung', ['alt@mail.example']);
    const edit = await call(admin, 'PATCH', `/api/contacts/${person.id}`, { emails: ['neu@mail.example'] }, person.etag);
    expect(edit.status).toBe(200);
    const changes = await call(officer, 'GET', `/api/audit?contactId=${person.id}&kind=change`);
    const update = changes.body.items.find((e: { action: string }) => e.action === 'update');
    expect(update).toMatchObject({ kind: 'change', entity: 'contact', entityId: person.id, changedFields: ['emails'] });

    const request = await register({ type: 'rectification', contactId: person.id, receivedOn: today });
    const linked = await call(
      officer,
      'PATCH',
      `/api/privacy/requests/${request.id}`,
      { linkChanges: [update.id], action: 'Adresse berichtigt' },
      request.etag,
    );
    expect(linked.status, linked.text).toBe(200);
    expect(linked.body.changes).toEqual([
      expect.objectContaining({ auditId: update.id, actorName: 'Admin', entity: 'contact', entityId: person.id, changedFields: ['emails'] }),
    ]);

    const creation = changes.body.items.find((e: { action: string }) => e.action === 'create');
    const notAnUpdate = await call(officer, 'PATCH', `/api/privacy/requests/${request.id}`, { linkChanges: [creation.id] }, linked.body.etag);
    expect(notAnUpdate.status).toBe(400);
    expect(notAnUpdate.body.errors).toEqual([expect.objectContaining({ field: 'linkChanges[0]' })]);
    // An id no bigint can hold is refused at the boundary, never passed to the database.
    const huge = await call(officer, 'PATCH', `/api/privacy/requests/${request.id}`, { linkChanges: [1e300] }, linked.body.etag);
    expect(huge.status, huge.text).toBe(400);
    expect(huge.body.errors).toEqual([expect.objectContaining({ field: 'linkChanges[0]' })]);
    const access = await register({ type: 'access', contactId: person.id, receivedOn: today });
    const wrongType = await call(officer, 'PATCH', `/api/privacy/requests/${access.id}`, { linkChanges: [update.id] }, access.etag);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual([expect.objectContaining({ field: 'linkChanges' })]);
  });

  it('is for CRM.Privacy and CRM.Admin of the tenant only', async () => {
    const request = await register({ type: 'access', email: 'rollen@mail.example', receivedOn: today });
    for (const roles of [['CRM.User'], ['CRM.Manager'], ['CRM.Reader']] as const) {
      const other = await api.token({ tenantId, userId: randomUUID(), roles: [...roles] });
      expect((await call(other, 'GET', '/api/privacy/requests')).status).toBe(403);
      expect((await call(other, 'POST', '/api/privacy/requests', { type: 'access', email: 'x@mail.example', receivedOn: today })).status).toBe(403);
      expect((await call(other, 'GET', `/api/privacy/requests/${request.id}`)).status).toBe(403);
      expect((await call(other, 'PATCH', `/api/privacy/requests/${request.id}`, { action: 'x' }, request.etag)).status).toBe(403);
    }
    expect((await call(admin, 'GET', `/api/privacy/requests/${request.id}`)).status).toBe(200);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await call(stranger, 'GET', `/api/privacy/requests/${request.id}`)).status).toBe(404);
    expect((await call(stranger, 'PATCH', `/api/privacy/requests/${request.id}`, { action: 'x' }, request.etag)).status).toBe(404);
    expect((await call(stranger, 'GET', '/api/privacy/requests')).body.items).toEqual([]);
    // The same client id in another tenant is another request, not the first tenant's.
    const sameId = await call(stranger, 'POST', '/api/privacy/requests', { id: request.id, type: 'erasure', email: 'fremd@mail.example', receivedOn: today });
    expect(sameId.status).toBe(201);
    expect((await call(officer, 'GET', `/api/privacy/requests/${request.id}`)).body.type).toBe('access');
  });
});
