// Leads through the API: capture with a score that explains itself, qualification, handover, and a conversion that
// finds or creates the account and contact once, however often it is retried.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { countRows } from '../../../../test/support/domain-expect';

describeEachDatabase('leads', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let seller: string;
  let sellerId: string;

  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = admin) => createAs(() => api)(token, path, body);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    seller = await api.token({ tenantId, userId: randomUUID(), name: 'Sina Vertrieb', roles: ['CRM.User'] });
    sellerId = ((await call(seller, 'GET', '/api/me')).body as { id: string }).id;
    const settings = await call(admin, 'GET', '/api/settings');
    const { etag, ...document } = settings.body as Record<string, unknown>;
    const put = await call(admin, 'PUT', '/api/settings', { ...document, leads: { targetIndustries: ['Maschinenbau'] } }, settings.headers.get('etag')!);
    expect(put.status, put.text).toBe(200);
    expect(etag).toBeDefined();
  });

  it('scores a lead by named criteria and says why, and needs someone to be about', async () => {
    const lead = await created('/api/leads', {
      source: 'event',
      firstName: 'Jonas',
      lastName: 'Keller',
      email: 'j.keller@keller-maschinen.example',
      company: 'Keller Maschinen GmbH',
      industry: 'Maschinenbau',
      employees: 180,
      budget: 'planned',
      timing: 'within_3_months',
    });
    expect(lead).toMatchObject({ status: 'new', source: 'event', score: { total: 73 } });
    expect((lead.score as { criteria: Array<{ key: string; points: number; reason: string }> }).criteria).toEqual([
      { key: 'fit', weight: 20, points: 20, reason: 'Maschinenbau is a target industry', code: 'target' },
      { key: 'size', weight: 15, points: 15, reason: '180 employees, within 50-500', code: 'within', range: { min: 50, max: 500 } },
      { key: 'budget', weight: 25, points: 12.5, reason: 'budget: planned', code: 'planned' },
      { key: 'timing', weight: 25, points: 25, reason: 'timing: within 3 months', code: 'within_3_months' },
      {
        key: 'engagement',
        weight: 15,
        points: 0,
        reason: 'engagement: none (0 logged interactions, 0 meetings held, 0 replies or calls)',
        code: 'none',
        logged: { interactions: 0, meetings: 0, replies: 0 },
      },
    ]);
    const nobody = await call(admin, 'POST', '/api/leads', { source: 'manual', notes: 'Anruf' });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors[0]).toMatchObject({ field: 'lastName', reason: expect.stringMatching(/last name, an email address or a company/) });
  });

  it('hands a lead over, lists my leads, disqualifies only with a reason, and keeps the change in the audit log', async () => {
    const lead = await created('/api/leads', { source: 'web_form', lastName: 'Übergabe', company: 'Übergabe AG' });
    const handed = await call(admin, 'PATCH', `/api/leads/${lead.id}`, { ownerId: sellerId, status: 'contacted' }, lead.etag);
    expect(handed.body).toMatchObject({ ownerId: sellerId, status: 'contacted' });
    expect((await call(seller, 'GET', '/api/leads?ownerId=me')).body.items.map((l: { id: string }) => l.id)).toContain(lead.id);
    const noReason = await call(seller, 'PATCH', `/api/leads/${lead.id}`, { status: 'disqualified' }, handed.headers.get('etag')!);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'disqualifyReason' });
    const out = await call(seller, 'PATCH', `/api/leads/${lead.id}`, { status: 'disqualified', disqualifyReason: 'kein Budget' }, handed.headers.get('etag')!);
    expect(out.body).toMatchObject({ status: 'disqualified', disqualifyReason: 'kein Budget' });
    const audit = await getDb().query<{ action: string; changed_fields: string[] }>(
      `SELECT action, changed_fields FROM audit_log WHERE tenant_id = $1 AND entity = 'lead' AND entity_id = $2 ORDER BY id`,
      [tenantId, lead.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[1]!.changed_fields).toEqual(expect.arrayContaining(['ownerId', 'status']));
    const convert = await call(seller, 'POST', `/api/leads/${lead.id}/convert`, {}, out.headers.get('etag')!);
    expect(convert).toMatchObject({ status: 409, body: { reason: 'disqualified' } });
  });

  it('converts into a new account, contact and opportunity once, however often it is retried', async () => {
    const lead = await created('/api/leads', {
      source: 'email',
      firstName: 'Mia',
      lastName: 'Neu',
      email: 'mia@neukunde.example',
      company: 'Neukunde KG',
      phone: '+49 89 123456',
    });
    const body = { opportunity: { name: 'Erstauftrag', amount: 12500 } };
    const first = await call(seller, 'POST', `/api/leads/${lead.id}/convert`, body, lead.etag);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ accountCreated: true, contactCreated: true, lead: { status: 'converted' } });
    const again = await call(seller, 'POST', `/api/leads/${lead.id}/convert`, body, lead.etag);
    expect(again.body).toMatchObject({ accountId: first.body.accountId, contactId: first.body.contactId, opportunityId: first.body.opportunityId });
    expect((await call(seller, 'GET', `/api/accounts/${first.body.accountId}`)).body).toMatchObject({ name: 'Neukunde KG' });
    expect((await call(seller, 'GET', `/api/contacts/${first.body.contactId}`)).body).toMatchObject({
      firstName: 'Mia',
      lastName: 'Neu',
      emails: ['mia@neukunde.example'],
      accountId: first.body.accountId,
    });
    expect((await call(seller, 'GET', `/api/opportunities/${first.body.opportunityId}`)).body).toMatchObject({
      name: 'Erstauftrag',
      amount: 12500,
      accountId: first.body.accountId,
    });
    const [accounts] = await getDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1 AND name = 'Neukunde KG'`, [tenantId]);
    expect(accounts!.n).toBe(1);
    const locked = await call(seller, 'PATCH', `/api/leads/${lead.id}`, { notes: 'später' }, first.body.lead.etag);
    expect(locked).toMatchObject({ status: 409, body: { reason: 'converted' } });
  });

  it('links to the account that holds the domain or has the same name, and asks when only a similar one exists', async () => {
    const domainAccount = await created('/api/accounts', { name: 'Bestand Holding', domains: ['bestand.example'] });
    const existing = await created('/api/contacts', { lastName: 'Bekannt', emails: ['k.bekannt@bestand.example'], accountId: domainAccount.id });
    const byDomain = await created('/api/leads', { lastName: 'Bekannt', email: 'k.bekannt@bestand.example', company: 'Irgendwas' });
    const linked = await call(seller, 'POST', `/api/leads/${byDomain.id}/convert`, {}, byDomain.etag);
    expect(linked.body).toMatchObject({
      accountId: domainAccount.id,
      accountCreated: false,
      contactId: existing.id,
      contactCreated: false,
      opportunityId: null,
    });

    const sameName = await created('/api/accounts', { name: 'Müller Antriebe GmbH' });
    const byName = await created('/api/leads', { lastName: 'Schmidt', company: 'Mueller Antriebe GmbH' });
    expect((await call(seller, 'POST', `/api/leads/${byName.id}/convert`, {}, byName.etag)).body).toMatchObject({
      accountId: sameName.id,
      accountCreated: false,
      contactCreated: true,
    });

    const otherForm = await created('/api/leads', { lastName: 'Berger', company: 'Müller Antriebe AG' });
    const asked = await call(seller, 'POST', `/api/leads/${otherForm.id}/convert`, {}, otherForm.etag);
    expect(asked).toMatchObject({ status: 409, body: { reason: 'similar_accounts', candidates: [{ id: sameName.id, name: 'Müller Antriebe GmbH' }] } });
    expect(await countRows(getDb(), 'accounts', tenantId)).toBe(3);
    const anyway = await call(seller, 'POST', `/api/leads/${otherForm.id}/convert`, { createAccount: true }, otherForm.etag);
    expect(anyway.body).toMatchObject({ accountCreated: true });
    const chosen = await created('/api/leads', { lastName: 'Wahl', company: 'Müller Antriebe AG' });
    expect((await call(seller, 'POST', `/api/leads/${chosen.id}/convert`, { accountId: sameName.id }, chosen.etag)).body).toMatchObject({
      accountId: sameName.id,
    });
  });

  it('refuses an erased address and converts no lead into a restricted person', async () => {
    const officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
    const gone = await created('/api/contacts', { lastName: 'Gelöscht', emails: ['weg@erased.example'] });
    expect((await call(officer, 'POST', `/api/contacts/${gone.id}/erase`, { reason: 'Art. 17' }, gone.etag)).status).toBe(200);
    const erased = await call(seller, 'POST', '/api/leads', { lastName: 'Wieder', email: 'weg@erased.example' });
    expect(erased).toMatchObject({ status: 409, body: { reason: 'erased', errors: [{ field: 'email' }] } });
    expect(erased.text).not.toContain('weg@erased.example');

    const quiet = await created('/api/contacts', { lastName: 'Still', emails: ['still@restricted.example'] });
    expect((await call(officer, 'POST', `/api/contacts/${quiet.id}/restriction`, { reason: 'Art. 18' })).status).toBe(200);
    const lead = await created('/api/leads', { lastName: 'Still', email: 'still@restricted.example', company: 'Still GmbH' });
    const refused = await call(seller, 'POST', `/api/leads/${lead.id}/convert`, { createAccount: true }, lead.etag);
    expect(refused).toMatchObject({ status: 409, body: { reason: 'restricted' } });
    expect((await call(seller, 'GET', `/api/leads/${lead.id}`)).body.status).toBe('new');
  });

  it('erases the leads about a person with the contact one became (Art. 17), and leaves other leads alone', async () => {
    // A tenant of its own, so the figures the other tests count stay as they are.
    const own = randomUUID();
    const owner = await api.token({ tenantId: own, userId: randomUUID(), roles: ['CRM.Admin'] });
    const officer = await api.token({ tenantId: own, userId: randomUUID(), roles: ['CRM.Privacy'] });
    const add = (body: unknown) => createAs(() => api)(owner, '/api/leads', body);
    const lead = await add({ firstName: 'Ella', lastName: 'Eraso', email: 'ella@eraso.example', phone: '+49 30 999', company: 'Eraso GmbH' });
    const converted = await call(owner, 'POST', `/api/leads/${lead.id}/convert`, { createAccount: true }, lead.etag);
    expect(converted.status, converted.text).toBe(200);
    // A second lead with the same address (captured again at a fair) and one of somebody else at the company.
    const again = await add({ source: 'event', lastName: 'Eraso', email: 'Ella@Eraso.example' });
    const colleague = await add({ lastName: 'Anders', email: 'anders@eraso.example', company: 'Eraso GmbH' });
    const contact = (await call(owner, 'GET', `/api/contacts/${converted.body.contactId}`)).headers.get('etag')!;
    const erased = await call(officer, 'POST', `/api/contacts/${converted.body.contactId}/erase`, { reason: 'Art. 17' }, contact);
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body.deleted.leads).toBe(2);
    expect((await call(owner, 'GET', `/api/leads/${lead.id}`)).status).toBe(404);
    expect((await call(owner, 'GET', `/api/leads/${again.id}`)).status).toBe(404);
    expect((await call(owner, 'GET', `/api/leads/${colleague.id}`)).status).toBe(200);
    const left = await getDb().query(`SELECT 1 FROM leads WHERE tenant_id = $1 AND (lower(email) = 'ella@eraso.example' OR phone = '+49 30 999')`, [own]);
    expect(left).toEqual([]);
    const [erasure] = await getDb().query<{ counts: { leads: number } }>(`SELECT counts FROM erasures WHERE tenant_id = $1 AND contact_id = $2`, [own, converted.body.contactId]);
    expect(erasure!.counts.leads).toBe(2);
  });

  it('counts the leads captured in a period by source and status, and the conversions made in it', async () => {
    const owner = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    const now = new Date();
    const previousMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString();
    // [source, captured, status, converted]: the hand-computed figures below come from these rows only.
    const rows: Array<[string, string, string, string | null]> = [
      ['email', '2024-01-10T09:00:00Z', 'converted', '2024-02-09T09:00:00Z'], // 30 days
      ['email', '2024-03-01T00:00:00Z', 'disqualified', null],
      ['web_form', '2024-03-31T23:30:00Z', 'converted', '2024-04-10T23:30:00Z'], // 10 days, captured on March's last UTC hour
      ['event', '2023-12-20T12:00:00Z', 'converted', '2024-01-09T12:00:00Z'], // 20 days: captured in 2023, converted in 2024
      ['manual', '2024-06-15T10:00:00Z', 'new', null],
      ['email', '2025-01-01T00:00:00Z', 'converted', '2025-01-05T00:00:00Z'], // 4 days, on 2025's first instant
      ['web_form', '2024-12-31T23:59:59Z', 'qualified', null],
      ['event', previousMonth, 'contacted', null], // the last twelve full months' first instant
      ['import', now.toISOString(), 'new', null], // this month: in no period the tab offers but "all so far"
    ];
    for (const [source, capturedAt, status, convertedAt] of rows) {
      const lead = await createAs(() => api)(owner, '/api/leads', { source, lastName: `Periode ${capturedAt}` });
      await getDb().query(`UPDATE leads SET created_at = $2, status = $3, converted_at = $4 WHERE id = $1`, [lead.id, capturedAt, status, convertedAt]);
    }
    const figures = async (period?: string) => {
      const answer = await call(owner, 'GET', `/api/lead-figures${period ? `?period=${period}` : ''}`);
      expect(answer.status, answer.text).toBe(200);
      return answer.body;
    };

    expect(await figures('2024')).toEqual({
      range: { period: '2024', from: '2024-01-01', to: '2025-01-01', previousFrom: '2023-01-01' },
      total: 5,
      bySource: [
        { source: 'email', count: 2, converted: 1 },
        { source: 'manual', count: 1, converted: 0 },
        { source: 'web_form', count: 2, converted: 1 },
      ],
      byStatus: [
        { status: 'converted', count: 2 },
        { status: 'disqualified', count: 1 },
        { status: 'new', count: 1 },
        { status: 'qualified', count: 1 },
      ],
      conversionRate: 0.667,
      // Converted in 2024: after 30, 10 and 20 days (the one captured in 2023 included).
      conversions: 3,
      medianDaysToConversion: 20,
    });
    expect(await figures('2024-Q1')).toMatchObject({
      range: { from: '2024-01-01', to: '2024-04-01' },
      total: 3,
      conversionRate: 0.667,
      conversions: 2,
      medianDaysToConversion: 25,
    });
    // The lead captured on March's last hour converted in April: captured in March, converted in no day of it.
    expect(await figures('2024-03')).toMatchObject({ total: 2, conversionRate: 0.5, conversions: 0, medianDaysToConversion: null });
    expect(await figures('2025')).toMatchObject({ total: 1, bySource: [{ source: 'email', count: 1, converted: 1 }], conversionRate: 1, conversions: 1, medianDaysToConversion: 4 });
    expect(await figures('last-12-months')).toMatchObject({
      total: 1,
      byStatus: [{ status: 'contacted', count: 1 }],
      conversionRate: null,
      conversions: 0,
      medianDaysToConversion: null,
    });
    // All so far: 4 of 5 decided converted; conversions after 30, 10, 20 and 4 days.
    expect(await figures()).toMatchObject({ range: null, total: 9, conversionRate: 0.8, conversions: 4, medianDaysToConversion: 15 });
    const bad = await call(owner, 'GET', '/api/lead-figures?period=2024-13');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'period' });
  });

  it('counts leads by source and status with the conversion rate, and keeps tenants apart', async () => {
    const summary = await call(seller, 'GET', '/api/lead-figures');
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.total).toBe(8);
    // 5 converted and 1 disqualified so far in this tenant.
    expect(summary.body.conversionRate).toBeCloseTo(5 / 6, 3);
    expect(summary.body.medianDaysToConversion).toBeGreaterThanOrEqual(0);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(stranger, 'GET', '/api/lead-figures')).body).toMatchObject({ total: 0, conversionRate: null });
    const some = (await call(seller, 'GET', '/api/leads?limit=1')).body.items[0] as { id: string };
    expect((await call(stranger, 'GET', `/api/leads/${some.id}`)).status).toBe(404);
  });

  // Last, as the figures above count this tenant's leads.
  it('names who changed a lead when a change or a conversion comes on an older version (#12)', async () => {
    const lead = await created('/api/leads', { source: 'manual', lastName: 'Veraltet', company: 'Veraltet GmbH' });
    expect((await call(seller, 'PATCH', `/api/leads/${lead.id}`, { status: 'contacted' }, lead.etag)).status).toBe(200);
    const named = { status: 412, body: { lastChange: { by: { id: sellerId, name: 'Sina Vertrieb' }, action: 'update', fields: expect.arrayContaining(['status']) } } };
    expect(await call(admin, 'PATCH', `/api/leads/${lead.id}`, { status: 'qualified' }, lead.etag)).toMatchObject(named);
    expect(await call(admin, 'POST', `/api/leads/${lead.id}/convert`, { createAccount: true }, lead.etag)).toMatchObject(named);
  });
});
