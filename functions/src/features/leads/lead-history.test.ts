// A lead's interactions so far: what was logged with its address before and after it was captured is listed on it and
// is what its engagement is counted from; a conversion carries it over to the contact and account, once.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

describeEachDatabase('lead history', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let seller: string;

  const call = callAs(() => api);
  const created = (path: string, body: unknown) => createAs(() => api)(seller, path, body);
  const logEmail = (pending: string, subject: string, direction: 'inbound' | 'outbound', occurredAt = '2026-11-02T09:00:00Z') =>
    created('/api/interactions', {
      type: 'email',
      direction,
      occurredAt,
      subject,
      source: 'addin',
      internetMessageId: `<${randomUUID()}@mail.example>`,
      pendingEmails: [pending],
    });
  const engagementOf = async (leadId: string) =>
    ((await call(seller, 'GET', `/api/leads/${leadId}`)).body.score.criteria as Array<{ key: string }>).find((c) => c.key === 'engagement');
  const historyOf = async (leadId: string) => {
    const page = await call(seller, 'GET', `/api/leads/${leadId}/interactions`);
    expect(page.status, page.text).toBe(200);
    return (page.body.items as Array<{ subject: string }>).map((i) => i.subject);
  };
  const linkCount = async (table: 'interaction_contacts' | 'interaction_accounts', interactionIds: string[]) =>
    (
      await getDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[])`, [
        tenantId,
        interactionIds,
      ])
    )[0]!.n;

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    seller = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
  });

  it('lists what was logged with the address, before and after the lead, and counts its engagement from it', async () => {
    await logEmail('paul@erstkontakt.example', 'Anfrage Wartungsvertrag', 'inbound');
    const lead = await created('/api/leads', { source: 'email', lastName: 'Paul', email: 'paul@erstkontakt.example', company: 'Erstkontakt GmbH' });
    expect(await historyOf(lead.id)).toEqual(['Anfrage Wartungsvertrag']);
    expect(await engagementOf(lead.id)).toMatchObject({ code: 'replied', points: 7.5, logged: { interactions: 1, meetings: 0, replies: 1 } });

    await logEmail('paul@erstkontakt.example', 'Angebot', 'outbound', '2026-11-03T09:00:00Z');
    await created('/api/interactions', {
      type: 'meeting',
      occurredAt: '2026-11-04T10:00:00Z',
      subject: 'Termin vor Ort',
      source: 'addin',
      pendingEmails: ['paul@erstkontakt.example'],
    });
    // Someone else's email, and one about the lead's company without its address, are not the lead's.
    await logEmail('jemand@anderswo.example', 'Fremd', 'inbound');
    expect(await historyOf(lead.id)).toEqual(['Termin vor Ort', 'Angebot', 'Anfrage Wartungsvertrag']);
    expect(await engagementOf(lead.id)).toMatchObject({
      code: 'meeting_held',
      points: 15,
      reason: 'engagement: meeting held (3 logged interactions, 1 meetings held, 1 replies or calls)',
    });
    const listed = (await call(seller, 'GET', '/api/leads?ownerId=me')).body.items.find((l: { id: string }) => l.id === lead.id);
    expect(listed.score.criteria[4]).toMatchObject({ code: 'meeting_held', logged: { interactions: 3 } });

    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(stranger, 'GET', `/api/leads/${lead.id}/interactions`)).status).toBe(404);
  });

  it('carries the history over to the contact and the account on conversion, once however often it converts', async () => {
    const lead = await created('/api/leads', { source: 'email', firstName: 'Rita', lastName: 'Wechsel', email: 'rita@alt.example', company: 'Wechsel KG' });
    const before = await logEmail('rita@alt.example', 'Erste Mail', 'inbound');
    // The address changed later: what was logged with the old one stays the lead's, and is not waiting for the new one.
    const moved = await call(seller, 'PATCH', `/api/leads/${lead.id}`, { email: 'rita@wechsel.example' }, lead.etag);
    expect(moved.status, moved.text).toBe(200);
    const after = await logEmail('rita@wechsel.example', 'Zweite Mail', 'inbound', '2026-11-05T09:00:00Z');
    expect(await historyOf(lead.id)).toEqual(['Zweite Mail', 'Erste Mail']);

    const etag = moved.headers.get('etag')!;
    const converted = await call(seller, 'POST', `/api/leads/${lead.id}/convert`, { createAccount: true }, etag);
    expect(converted.status, converted.text).toBe(200);
    const { accountId, contactId } = converted.body as { accountId: string; contactId: string };
    const timeline = await call(seller, 'GET', `/api/accounts/${accountId}/timeline?contactId=${contactId}`);
    expect((timeline.body.items as Array<{ subject: string }>).map((i) => i.subject)).toEqual(['Zweite Mail', 'Erste Mail']);
    const ids = [before.id as string, after.id as string];
    expect([await linkCount('interaction_contacts', ids), await linkCount('interaction_accounts', ids)]).toEqual([2, 2]);

    const again = await call(seller, 'POST', `/api/leads/${lead.id}/convert`, { createAccount: true }, etag);
    expect(again.body).toMatchObject({ accountId, contactId });
    expect([await linkCount('interaction_contacts', ids), await linkCount('interaction_accounts', ids)]).toEqual([2, 2]);
    // The converted lead still lists its history.
    expect(await historyOf(lead.id)).toEqual(['Zweite Mail', 'Erste Mail']);
  });
});
