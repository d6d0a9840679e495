// Restriction of processing (Art. 18) through the API: read-only for everyone, invisible to all but CRM.Privacy and CRM.Admin.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

describeEachDatabase('restriction', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let user: string;
  let officer: string;

  const call = callAs(() => api);
  const created = createAs(() => api);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User', 'CRM.Manager'] });
    officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
  });

  async function people(lastName: string) {
    const domain = `firma-${randomUUID().slice(0, 8)}.example`;
    const account = await created(admin, '/api/accounts', { name: `Firma ${domain}`, domains: [domain] });
    const email = `${lastName.toLowerCase()}@${domain}`;
    const person = await created(admin, '/api/contacts', { firstName: 'Rita', lastName, emails: [email], accountId: account.id });
    const colleagueEmail = `kollege@${domain}`;
    const colleague = await created(admin, '/api/contacts', { lastName: 'Kollege', emails: [colleagueEmail], accountId: account.id });
    await created(admin, '/api/tasks', { title: `Rita ${lastName} anrufen`, dueDate: '2026-12-10', contactId: person.id });
    return { account, person, email, colleague, colleagueEmail };
  }

  it('hides a restricted person from everyone but CRM.Privacy and CRM.Admin, in reads, lists, search and the context lookup', async () => {
    const p = await people('Restrikt');
    const set = await call(officer, 'POST', `/api/contacts/${p.person.id}/restriction`, { reason: 'Art. 18(1)(a): Richtigkeit bestritten' });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ contactId: p.person.id, restricted: true, reason: 'Art. 18(1)(a): Richtigkeit bestritten', liftedAt: null });

    expect((await call(user, 'GET', `/api/contacts/${p.person.id}`)).status).toBe(404);
    expect((await call(user, 'GET', '/api/contacts?q=restrikt')).body.items).toEqual([]);
    expect((await call(user, 'GET', `/api/contacts?accountId=${p.account.id}`)).body.items.map((c: { id: string }) => c.id)).toEqual([p.colleague.id]);
    expect((await call(user, 'GET', `/api/contacts?email=${p.email}`)).body.items).toEqual([]);
    for (const token of [admin, officer]) {
      expect((await call(token, 'GET', `/api/contacts/${p.person.id}`)).status).toBe(200);
      expect((await call(token, 'GET', '/api/contacts?q=restrikt')).body.items.map((c: { id: string }) => c.id)).toEqual([p.person.id]);
    }

    const alone = await call(user, 'GET', `/api/context?email=${p.email}`);
    expect(alone.body).toMatchObject({ people: [{ email: p.email, status: 'restricted', restricted: true }], accounts: [] });
    expect(alone.text).not.toMatch(/Rita|Restrikt/);
    const withColleague = await call(user, 'GET', `/api/context?email=${p.email}&email=${p.colleagueEmail}`);
    expect(withColleague.body.people.map((x: { status: string }) => x.status)).toEqual(['restricted', 'known']);
    expect(withColleague.body.accounts.map((a: { account: { id: string } }) => a.account.id)).toEqual([p.account.id]);
    expect(withColleague.text).not.toMatch(/Rita|Restrikt/);
    const asOfficer = await call(officer, 'GET', `/api/context?email=${p.email}`);
    expect(asOfficer.body.people[0]).toMatchObject({ status: 'known', restricted: true, contact: { lastName: 'Restrikt' } });
    expect(asOfficer.body.accounts[0].openTasks.map((t: { title: string }) => t.title)).toEqual(['Rita Restrikt anrufen']);
  });

  it("leaves no trace of a restricted person in the account tab, the timeline, interaction reads, My CRM or a colleague's context", async () => {
    const p = await people('Verborgen');
    const log = (body: Record<string, unknown>) => created(admin, '/api/interactions', { occurredAt: '2026-11-20T09:00:00Z', ...body });
    const onlyTheirs = await log({ type: 'note', subject: 'Gespräch mit Rita Verborgen', contactIds: [p.person.id] });
    const shared = await log({ type: 'meeting', subject: 'Runde mit beiden', contactIds: [p.person.id, p.colleague.id] });
    const complaint = await log({ type: 'complaint', subject: 'Beschwerde von Rita', status: 'open', contactIds: [p.person.id] });
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await log({ type: 'meeting', subject: 'Termin mit Rita', occurredAt: nextWeek, contactIds: [p.person.id] });
    const plannedShared = await log({ type: 'meeting', subject: 'Termin mit beiden', occurredAt: nextWeek, contactIds: [p.person.id, p.colleague.id] });
    const me = (await call(user, 'GET', '/api/me')).body as { id: string };
    await created(admin, '/api/tasks', { title: 'Rita Verborgen zurückrufen', dueDate: '2026-12-11', contactId: p.person.id, assigneeId: me.id });
    expect((await call(user, 'GET', '/api/me/work')).text).toMatch(/Rita Verborgen zurückrufen/);
    expect((await call(officer, 'POST', `/api/contacts/${p.person.id}/restriction`, { reason: 'Art. 18(1)(b)' })).status).toBe(200);

    const overview = await call(user, 'GET', `/api/accounts/${p.account.id}/overview`);
    expect(overview.status, overview.text).toBe(200);
    expect(overview.body.contacts.map((c: { contact: { id: string } }) => c.contact.id)).toEqual([p.colleague.id]);
    expect(overview.body.openComplaints).toEqual([]);
    expect(overview.text).not.toMatch(/Rita|Verborgen/);
    const timeline = await call(user, 'GET', `/api/accounts/${p.account.id}/timeline`);
    expect(timeline.body.items.map((i: { id: string; contactIds: string[] }) => [i.id, i.contactIds])).toEqual([[shared.id, [p.colleague.id]]]);
    // Neither the search nor the count gives away what is hidden.
    expect((await call(user, 'GET', `/api/accounts/${p.account.id}/timeline?count=true`)).body.total).toBe(1);
    expect((await call(user, 'GET', `/api/accounts/${p.account.id}/timeline?q=rita&count=true`)).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect((await call(user, 'GET', `/api/interactions/${onlyTheirs.id}`)).status).toBe(404);
    expect((await call(user, 'GET', `/api/interactions/${shared.id}`)).body.contactIds).toEqual([p.colleague.id]);
    const etag = (await call(admin, 'GET', `/api/interactions/${complaint.id}`)).headers.get('etag')!;
    expect((await call(user, 'PATCH', `/api/interactions/${complaint.id}`, { status: 'resolved' }, etag)).status).toBe(404);
    expect((await call(user, 'GET', '/api/me/work')).text).not.toMatch(/Rita/);
    const context = await call(user, 'GET', `/api/context?email=${p.colleagueEmail}`);
    expect(context.body.accounts[0].recentInteractions.map((i: { id: string }) => i.id)).toEqual([shared.id]);
    expect(context.body.accounts[0].upcoming.map((i: { id: string }) => i.id)).toEqual([plannedShared.id]);
    expect(context.text).not.toMatch(/Rita|Verborgen/);

    const asOfficer = await call(officer, 'GET', `/api/accounts/${p.account.id}/overview`);
    expect(asOfficer.body.contacts).toHaveLength(2);
    expect(asOfficer.body.openComplaints.map((c: { id: string }) => c.id)).toEqual([complaint.id]);
    expect((await call(officer, 'GET', `/api/accounts/${p.account.id}/timeline`)).body.items).toHaveLength(3);
    expect((await call(officer, 'GET', `/api/accounts/${p.account.id}/timeline?q=rita&count=true`)).body.total).toBe(2);
    expect((await call(admin, 'GET', `/api/interactions/${onlyTheirs.id}`)).status).toBe(200);
  });

  it('keeps a restricted person read-only for everyone until the restriction is lifted, with a reason and in the audit log', async () => {
    const p = await people('Gesperrt');
    expect((await call(officer, 'POST', `/api/contacts/${p.person.id}/restriction`, { reason: 'Art. 18(1)(d): Widerspruch wird geprüft' })).status).toBe(200);
    const again = await call(officer, 'POST', `/api/contacts/${p.person.id}/restriction`, { reason: 'noch einmal' });
    expect(again).toMatchObject({ status: 409, body: { reason: 'restricted' } });

    const etag = (await call(admin, 'GET', `/api/contacts/${p.person.id}`)).headers.get('etag')!;
    const change = await call(admin, 'PATCH', `/api/contacts/${p.person.id}`, { jobTitle: 'Leitung' }, etag);
    expect(change).toMatchObject({ status: 409, body: { reason: 'restricted' } });
    expect(change.body.detail).toMatch(/Art\. 18/);
    expect((await call(admin, 'DELETE', `/api/contacts/${p.person.id}`, undefined, etag)).status).toBe(409);
    expect((await call(user, 'PATCH', `/api/contacts/${p.person.id}`, { jobTitle: 'Leitung' }, etag)).status).toBe(404);
    expect((await call(user, 'DELETE', `/api/contacts/${p.person.id}`, undefined, etag)).status).toBe(404);

    const lifted = await call(officer, 'DELETE', `/api/contacts/${p.person.id}/restriction`, { reason: 'Prüfung abgeschlossen' });
    expect(lifted.body).toMatchObject({ restricted: false, reason: 'Art. 18(1)(d): Widerspruch wird geprüft', liftReason: 'Prüfung abgeschlossen' });
    expect(lifted.body.liftedAt).not.toBeNull();
    expect((await call(officer, 'DELETE', `/api/contacts/${p.person.id}/restriction`, { reason: 'doppelt' })).body).toMatchObject({ reason: 'not_restricted' });
    expect((await call(user, 'GET', `/api/contacts/${p.person.id}`)).status).toBe(200);
    expect((await call(user, 'PATCH', `/api/contacts/${p.person.id}`, { jobTitle: 'Leitung' }, etag)).status).toBe(200);
    expect((await call(user, 'GET', `/api/context?email=${p.email}`)).body.people[0]).toMatchObject({ status: 'known', contact: { jobTitle: 'Leitung' } });

    const audit = await getDb().query<{ action: string }>(
      `SELECT action FROM audit_log WHERE tenant_id = $1 AND entity = 'contact' AND entity_id = $2 ORDER BY id`,
      [tenantId, p.person.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'restrict', 'lift-restriction', 'update']);
  });

  it("needs CRM.Privacy or CRM.Admin, a reason, and a contact of the caller's tenant", async () => {
    const p = await people('Rechte');
    const path = `/api/contacts/${p.person.id}/restriction`;
    expect((await call(user, 'POST', path, { reason: 'Art. 18' })).status).toBe(403);
    expect((await call(user, 'DELETE', path, { reason: 'Art. 18' })).status).toBe(403);
    expect((await call(officer, 'POST', path, {})).body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Privacy'] });
    expect((await call(stranger, 'POST', path, { reason: 'Art. 18' })).status).toBe(404);
    expect((await call(stranger, 'POST', `/api/contacts/${randomUUID()}/restriction`, { reason: 'Art. 18' })).status).toBe(404);
    expect((await call(admin, 'POST', path, { reason: 'Art. 18' })).status).toBe(200);
  });
});
