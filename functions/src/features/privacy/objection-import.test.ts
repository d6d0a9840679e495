// An objection (Art. 21) recorded in the consent ledger takes effect on import too: a list that says the person
// consented to email marketing does not grant it again (issue 14, "an import cannot re-grant consent an objection
// withdrew"); the other places the objection counts are proved beside their features (compose.test.ts,
// office-send-check.test.ts, segment-lists.test.ts).
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

const LIST = [
  'Firma;Vorname;Nachname;E-Mail;Einwilligung;Einwilligung Quelle;Einwilligung Datum',
  'Schneider KG;Otto;Objekt;O.Objekt@schneider-kg.de;ja;Messe 2026, Formular;01.02.2026',
  '',
].join('\r\n');

describeEachDatabase('objection on import', (getDb) => {
  let api: ApiHarness;
  let manager: string;
  const tenantId = randomUUID();
  const call = (method: string, path: string, options: Parameters<ApiHarness['call']>[2] = {}) => api.call(method, path, { token: manager, ...options });

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
  });

  it('does not grant email marketing to a person who objected, however the list says they consented', async () => {
    const account = (await call('POST', '/api/accounts', { body: { name: 'Schneider KG', domains: ['schneider-kg.de'] } })).body;
    const otto = (await call('POST', '/api/contacts', { body: { firstName: 'Otto', lastName: 'Objekt', emails: ['o.objekt@schneider-kg.de'], accountId: account.id } })).body;
    const objection = await call('POST', '/api/consents', {
      body: { contactId: otto.id, channel: 'email', purpose: 'marketing', legalBasis: 'legitimate_interest', action: 'objected', source: 'Anruf', capturedAt: '2026-03-01T09:00:00Z' },
    });
    expect(objection.status, objection.text).toBe(201);

    const uploaded = await api.call('POST', '/api/imports?fileName=Messe.csv', { token: manager, rawBody: new TextEncoder().encode(LIST), headers: { 'content-type': 'text/csv' } });
    expect(uploaded.status, uploaded.text).toBe(201);
    const committed = await call('POST', `/api/imports/${uploaded.body.id}/commit`);
    expect(committed.status, committed.text).toBe(200);
    const rows = (await call('GET', `/api/imports/${uploaded.body.id}?limit=10`)).body.rows.items as { row: number; outcome: { contact: { id: string | null }; consent: string } }[];
    expect(rows.map((r) => [r.row, r.outcome.contact.id])).toEqual([[2, otto.id]]);
    expect(rows[0]!.outcome.consent).toMatch(/objected to email marketing, and an import never overrides that/);

    const consents = (await call('GET', `/api/contacts/${otto.id}/consents`)).body;
    expect(consents.state.channels.email).toBe('objected');
    expect(consents.history.map((c: { action: string }) => c.action)).toEqual(['objected']);
  });
});
