// Handing a lead or case to a colleague through the API: a follow-up in their My CRM and one queued Teams activity feed
// notification, once per handover (a retried PATCH is a 412 and adds nothing), none for taking it oneself; and the
// colleagues to choose from.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { HANDOVER_ACTIVITY } from './handover';

describeEachDatabase('handover notifications', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let adminId: string;
  let seller: string;
  let sellerId: string;

  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = admin) => createAs(() => api)(token, path, body);
  const notifications = (userId: string) =>
    getDb().query<{ activity_type: string; title: string; account_id: string | null; interaction_id: string | null }>(
      `SELECT n.activity_type, t.title, t.account_id, t.interaction_id FROM activity_notifications n
       JOIN tasks t ON t.tenant_id = n.tenant_id AND t.id = n.task_id WHERE n.tenant_id = $1 AND n.user_id = $2 ORDER BY t.title`,
      [tenantId, userId],
    );
  const myTaskTitles = async (token: string) => ((await call(token, 'GET', '/api/me/work')).body as { tasks: Array<{ title: string }> }).tasks.map((t) => t.title);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), name: 'Anna Admin', roles: ['CRM.Admin'] });
    adminId = ((await call(admin, 'GET', '/api/me')).body as { id: string }).id;
    seller = await api.token({ tenantId, userId: randomUUID(), name: 'Bernd Vertrieb', roles: ['CRM.User'] });
    sellerId = ((await call(seller, 'GET', '/api/me')).body as { id: string }).id;
  });

  it('lists the colleagues by name, only of the own tenant', async () => {
    const other = await api.token({ tenantId: randomUUID(), userId: randomUUID(), name: 'Fremd Mandant', roles: ['CRM.User'] });
    await call(other, 'GET', '/api/me');
    const colleagues = await call(seller, 'GET', '/api/colleagues');
    expect(colleagues.status).toBe(200);
    expect(colleagues.body.items).toEqual([
      { id: adminId, displayName: 'Anna Admin' },
      { id: sellerId, displayName: 'Bernd Vertrieb' },
    ]);
  });

  it('notifies the new owner of a lead once, in My CRM and the activity feed queue, and not who takes one themselves', async () => {
    const lead = await created('/api/leads', { firstName: 'Jonas', lastName: 'Keller', company: 'Keller Maschinen GmbH' });
    const handed = await call(admin, 'PATCH', `/api/leads/${lead.id}`, { ownerId: sellerId }, lead.etag);
    expect(handed.status, handed.text).toBe(200);
    const retried = await call(admin, 'PATCH', `/api/leads/${lead.id}`, { ownerId: sellerId }, lead.etag);
    expect(retried.status).toBe(412);
    expect(await notifications(sellerId)).toEqual([
      { activity_type: HANDOVER_ACTIVITY, title: 'Übergabe / Handover: Lead Jonas Keller (Keller Maschinen GmbH)', account_id: null, interaction_id: null },
    ]);
    expect(await myTaskTitles(seller)).toContain('Übergabe / Handover: Lead Jonas Keller (Keller Maschinen GmbH)');

    const own = await created('/api/leads', { lastName: 'Selbst', company: 'Selbst AG' }, seller);
    const taken = await call(seller, 'PATCH', `/api/leads/${own.id}`, { ownerId: sellerId, status: 'contacted' }, own.etag);
    expect(taken.status).toBe(200);
    const unchanged = await call(seller, 'PATCH', `/api/leads/${lead.id}`, { status: 'contacted' }, handed.headers.get('etag')!);
    expect(unchanged.status).toBe(200);
    expect(await notifications(sellerId)).toHaveLength(1);
  });

  it('notifies the new assignee of a case with the account and the complaint, each handover once', async () => {
    const account = await created('/api/accounts', { name: 'Hoffmann Antriebstechnik GmbH' });
    const complaint = await created('/api/interactions', {
      type: 'complaint',
      direction: 'inbound',
      subject: 'Lager defekt',
      occurredAt: new Date().toISOString(),
      accountIds: [account.id],
    });
    const opened = await created('/api/cases', { interactionId: complaint.id, priority: 'high' });
    const handed = await call(admin, 'PATCH', `/api/cases/${opened.id}`, { assigneeId: sellerId }, opened.etag);
    expect(handed.status, handed.text).toBe(200);
    const back = await call(seller, 'PATCH', `/api/cases/${opened.id}`, { assigneeId: adminId }, handed.headers.get('etag')!);
    expect(back.status).toBe(200);
    const again = await call(admin, 'PATCH', `/api/cases/${opened.id}`, { assigneeId: sellerId }, back.headers.get('etag')!);
    expect(again.status).toBe(200);
    const title = 'Übergabe / Handover: Reklamation / complaint Lager defekt';
    expect(await notifications(sellerId)).toEqual(
      expect.arrayContaining([
        { activity_type: HANDOVER_ACTIVITY, title, account_id: account.id, interaction_id: complaint.id },
        { activity_type: HANDOVER_ACTIVITY, title, account_id: account.id, interaction_id: complaint.id },
      ]),
    );
    expect((await notifications(sellerId)).filter((n) => n.title === title)).toHaveLength(2);
    expect((await notifications(adminId)).filter((n) => n.title === title)).toHaveLength(1);
  });
});
