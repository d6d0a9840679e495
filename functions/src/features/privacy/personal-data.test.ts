// Access and portability (Art. 15, 20): one JSON document with everything stored about the person, and only about them.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

describeEachDatabase('personal data export', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let officer: string;

  const call = (token: string, method: string, path: string, body?: unknown) => api.call(method, path, { token, body });
  const created = async (path: string, body: unknown) => {
    const response = await call(admin, 'POST', path, body);
    expect(response.status, response.text).toBe(201);
    return response.body as { id: string };
  };

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), name: 'Vertrieb Eins', roles: ['CRM.Admin'] });
    officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
  });

  it('returns every stored field, address, link, consent entry, follow-up, opportunity and sync item of the person', async () => {
    const account = await created('/api/accounts', { name: 'Export GmbH', domains: ['export-gmbh.example'] });
    const person = await created('/api/contacts', {
      firstName: 'Ida',
      lastName: 'Auskunft',
      emails: ['ida@export-gmbh.example', 'ida.privat@mail.example'],
      phones: [{ type: 'work', number: '+49 89 555' }],
      accountId: account.id,
      customFields: { messe: 'Hannover 2026' },
    });
    const other = await created('/api/contacts', { lastName: 'Fremd', emails: ['fremd@export-gmbh.example'], accountId: account.id });
    const email = await created('/api/interactions', {
      type: 'email',
      occurredAt: '2026-10-01T08:00:00Z',
      subject: 'Angebot',
      source: 'addin',
      internetMessageId: '<angebot@export-gmbh.example>',
      contactIds: [person.id, other.id],
      accountIds: [account.id],
    });
    const meeting = await created('/api/interactions', {
      type: 'meeting',
      occurredAt: '2026-10-05T08:00:00Z',
      subject: 'Termin',
      source: 'graph-sync',
      contactIds: [person.id],
    });
    await created('/api/interactions', { type: 'note', occurredAt: '2026-10-06T08:00:00Z', subject: 'Nur Fremd', contactIds: [other.id] });
    await created('/api/consents', {
      contactId: person.id,
      channel: 'email',
      purpose: 'newsletter',
      legalBasis: 'consent',
      action: 'granted',
      source: 'Webformular',
      capturedAt: '2026-01-01T00:00:00Z',
    });
    await created('/api/consents', {
      contactId: person.id,
      channel: 'email',
      purpose: 'newsletter',
      legalBasis: 'consent',
      action: 'withdrawn',
      source: 'E-Mail',
      capturedAt: '2026-06-01T00:00:00Z',
    });
    const task = await created('/api/tasks', { title: 'Ida nachfassen', dueDate: '2026-12-01', contactId: person.id });
    const opportunity = await created('/api/opportunities', { accountId: account.id, name: 'Ersatzteile', amount: 500, contactIds: [person.id] });
    const [mailbox] = await getDb().query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 LIMIT 1`, [tenantId]);
    await getDb().query(
      `INSERT INTO graph_items (tenant_id, user_id, kind, graph_id, record_id) VALUES ($1, $2, 'event', 'AAMk-termin', $3), ($1, $2, 'contact', 'AAMk-ida', $4)`,
      [tenantId, mailbox!.id, meeting.id, person.id],
    );
    expect((await call(officer, 'POST', `/api/contacts/${person.id}/restriction`, { reason: 'Art. 18(1)(c)' })).status).toBe(200);

    const response = await call(officer, 'GET', `/api/contacts/${person.id}/personal-data`);
    expect(response.status, response.text).toBe(200);
    const data = response.body;
    const columns = await getDb().query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'contacts' AND column_name <> 'tenant_id'`,
    );
    expect(Object.keys(data.contact).sort()).toEqual(columns.map((c) => c.column_name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())).sort());
    expect(data.contact).toMatchObject({ id: person.id, firstName: 'Ida', lastName: 'Auskunft', customFields: { messe: 'Hannover 2026' } });
    expect(data.contact.phones).toEqual([{ type: 'work', number: '+49 89 555' }]);
    expect(data.emails).toEqual(['ida.privat@mail.example', 'ida@export-gmbh.example']);
    expect(data.account).toMatchObject({ id: account.id, name: 'Export GmbH' });
    expect(data.restriction).toMatchObject({ restricted: true, reason: 'Art. 18(1)(c)' });
    expect(data.interactions.map((i: { id: string; source: string }) => [i.id, i.source])).toEqual([
      [email.id, 'addin'],
      [meeting.id, 'graph-sync'],
    ]);
    expect(data.interactions[0]).toMatchObject({ internetMessageId: '<angebot@export-gmbh.example>', accountIds: [account.id], loggedBy: ['Vertrieb Eins'] });
    expect(data.interactions[0].contactIds.sort()).toEqual([person.id, other.id].sort());
    expect(data.consents.map((c: { action: string; source: string }) => [c.action, c.source])).toEqual([
      ['granted', 'Webformular'],
      ['withdrawn', 'E-Mail'],
    ]);
    expect(data.tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
    expect(data.opportunities.map((o: { id: string }) => o.id)).toEqual([opportunity.id]);
    expect(data.graphSyncItems.map((g: { kind: string; graphId: string }) => [g.kind, g.graphId])).toEqual([
      ['contact', 'AAMk-ida'],
      ['event', 'AAMk-termin'],
    ]);
    expect(data.processing).toEqual([
      {
        purpose: 'customer_relationship',
        legalBasis: 'contract_or_legitimate_interest',
        channels: [],
        purposeText: 'customer relationship',
        legalBasisText: 'contract or legitimate interest (Art. 6(1)(b) and (f) GDPR): managing the business relationship with the company the person works for',
      },
      { purpose: 'newsletter', legalBasis: 'consent', channels: ['email'], purposeText: 'newsletter', legalBasisText: 'consent (Art. 6(1)(a) GDPR)' },
    ]);
    expect(response.headers.get('content-language')).toBe('en');
    expect(data.retention).toContain('Our retention policies (the German defaults, applied when the data protection officer runs them):');
    expect(data.retentionPolicies).toMatchObject({ saved: false, dailyRun: false });
    expect(response.text).not.toContain('Nur Fremd');
    expect(response.text).not.toContain(tenantId);
  });

  it('words the purposes, legal bases and retention in German when asked (?lang= or Accept-Language), the codes unchanged', async () => {
    const person = await created('/api/contacts', { lastName: 'Zweck' });
    await created('/api/consents', {
      contactId: person.id,
      channel: 'phone',
      purpose: 'events',
      legalBasis: 'legitimate_interest',
      action: 'granted',
      source: 'Messe',
    });
    const path = `/api/contacts/${person.id}/personal-data`;
    const german = await api.call('GET', path, { token: officer, headers: { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' } });
    expect(german.status, german.text).toBe(200);
    expect(german.headers.get('content-language')).toBe('de');
    expect(german.body.processing).toEqual([
      {
        purpose: 'customer_relationship',
        legalBasis: 'contract_or_legitimate_interest',
        channels: [],
        purposeText: 'Kundenbeziehung',
        legalBasisText:
          'Vertrag oder berechtigtes Interesse (Art. 6 Abs. 1 lit. b und f DSGVO): Pflege der Geschäftsbeziehung mit dem Unternehmen, für das die Person arbeitet',
      },
      {
        purpose: 'events',
        legalBasis: 'legitimate_interest',
        channels: ['phone'],
        purposeText: 'Veranstaltungen',
        legalBasisText: 'berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO)',
      },
    ]);
    expect(german.body.retention).toContain('Unsere Löschfristen (die deutschen Standardfristen');
    expect(german.body.retention).toContain('§ 257 HGB, § 147 AO');

    const english = await api.call('GET', `${path}?lang=en`, { token: officer, headers: { 'accept-language': 'de' } });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.body.processing.map((p: { purposeText: string }) => p.purposeText)).toEqual(['customer relationship', 'events']);
    expect(english.body.retention).toContain('Our retention policies');
    expect((await api.call('GET', `${path}?lang=fr`, { token: officer })).status).toBe(400);
  });

  it("names the tenant's saved retention policies, not the defaults, once they are changed", async () => {
    const person = await created('/api/contacts', { lastName: 'Frist' });
    const policies = (await call(officer, 'GET', '/api/privacy/retention/policies')).body;
    const changed = policies.policies.map((p: { dataClass: string; enabled: boolean; periodMonths: number; action: string; fromEndOfYear: boolean }) => ({
      dataClass: p.dataClass,
      enabled: p.dataClass === 'read_audit' ? false : p.enabled,
      periodMonths: p.dataClass === 'email_meeting_interactions' ? 96 : p.periodMonths,
      action: p.dataClass === 'email_meeting_interactions' ? 'delete' : p.action,
      fromEndOfYear: p.fromEndOfYear,
    }));
    const put = await api.call('PUT', '/api/privacy/retention/policies', {
      token: officer,
      body: { policies: changed, dailyRun: true },
      headers: { 'if-match': policies.etag },
    });
    expect(put.status, put.text).toBe(200);
    const data = (await call(officer, 'GET', `/api/contacts/${person.id}/personal-data`)).body;
    expect(data.retention).toContain('Our retention policies (applied every night):');
    expect(data.retention).toContain(
      'Emails and meetings (commercial letters, s.257 HGB, s.147 AO): deleted 8 years after the end of the calendar year of sending or receipt.',
    );
    expect(data.retention).toContain('The record of who read your data: no period is set; kept until erased or deleted.');
    expect(data.retentionPolicies.saved).toBe(true);
    expect(data.retentionPolicies.policies).toContainEqual({
      dataClass: 'email_meeting_interactions',
      enabled: true,
      periodMonths: 96,
      action: 'delete',
      fromEndOfYear: true,
    });
  });

  it('is for CRM.Privacy and CRM.Admin of the tenant only', async () => {
    const person = await created('/api/contacts', { lastName: 'Geheim' });
    const path = `/api/contacts/${person.id}/personal-data`;
    for (const roles of [['CRM.User'], ['CRM.Manager'], ['CRM.Reader']] as const) {
      expect((await call(await api.token({ tenantId, userId: randomUUID(), roles: [...roles] }), 'GET', path)).status).toBe(403);
    }
    expect((await call(await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Privacy'] }), 'GET', path)).status).toBe(404);
    expect((await call(admin, 'GET', path)).status).toBe(200);
    expect((await call(officer, 'GET', `/api/contacts/${randomUUID()}/personal-data`)).status).toBe(404);
  });
});
