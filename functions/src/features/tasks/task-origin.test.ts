// A follow-up's origin over HTTP: the email it came from, refused for a sender erased at their request (#12 defect 15).
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

describeEachDatabase('follow-up origin', (getDb) => {
  let api: ApiHarness;
  let user: string;
  let officer: string;

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    const tenantId = randomUUID();
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    officer = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Privacy'] });
  });

  const followUp = (from: string) =>
    api.call('POST', '/api/tasks', {
      token: user,
      body: { title: 'Antworten auf: Anfrage', dueDate: '2026-12-03', origin: { internetMessageId: '<a1@kunde.example>', subject: 'Anfrage', from } },
    });

  it('stores the email a follow-up came from and refuses the address of a person erased at their request', async () => {
    const kept = await followUp('Lena.Vogt@Kunde.example');
    expect(kept.status, kept.text).toBe(201);
    expect(kept.body).toMatchObject({ origin: { internetMessageId: '<a1@kunde.example>', subject: 'Anfrage', from: 'lena.vogt@kunde.example' } });

    const contact = await api.call('POST', '/api/contacts', { token: user, body: { firstName: 'Otto', lastName: 'Weg', emails: ['otto.weg@kunde.example'] } });
    expect(contact.status, contact.text).toBe(201);
    const { id, etag } = contact.body as { id: string; etag: string };
    const erased = await api.call('POST', `/api/contacts/${id}/erase`, { token: officer, body: { reason: 'Antrag nach Art. 17, Ticket 1' }, headers: { 'if-match': etag } });
    expect(erased.status, erased.text).toBe(200);
    const refused = await followUp('otto.weg@kunde.example');
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('origin.from');
  });
});
