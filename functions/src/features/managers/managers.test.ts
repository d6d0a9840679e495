// Managers through the API: an admin sets who is above whom with If-Match (never oneself, never a circle), and the
// escalations use it: an overdue case goes to its assignee's manager, a complaint open too long to the manager of the
// account's owner when the rule says so.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { escalateDue } from '../cases';

const DAY = 86_400_000;

describeEachDatabase('managers', (getDb) => {
  let api: ApiHarness;
  let tenantId: string;
  let admin: string;
  let seller: string;
  const ids: Record<'admin' | 'seller' | 'boss' | 'chief', string> = { admin: '', seller: '', boss: '', chief: '' };

  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = admin) => createAs(() => api)(token, path, body);
  const member = async (id: string) => ((await call(admin, 'GET', '/api/team')).body.items as Array<{ id: string; managerId: string | null; etag: string }>).find((m) => m.id === id)!;
  const setManager = async (id: string, managerId: string | null, etag?: string) =>
    call(admin, 'PUT', `/api/team/${id}/manager`, { managerId }, etag ?? (await member(id)).etag);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tenantId = randomUUID();
    const signIn = async (key: keyof typeof ids, name: string, roles: Parameters<ApiHarness['token']>[0]['roles']) => {
      const token = await api.token({ tenantId, userId: randomUUID(), name, roles });
      ids[key] = ((await call(token, 'GET', '/api/me')).body as { id: string }).id;
      return token;
    };
    admin = await signIn('admin', 'Ada Admin', ['CRM.Admin']);
    seller = await signIn('seller', 'Sina Vertrieb', ['CRM.User']);
    await signIn('boss', 'Bea Chefin', ['CRM.Manager']);
    await signIn('chief', 'Carl Bereich', ['CRM.Manager']);
  });

  it('refuses the second of two admins who make two users each other\'s manager at the same time', async () => {
    const user = async (name: string) => {
      const token = await api.token({ tenantId, userId: randomUUID(), name, roles: ['CRM.User'] });
      return ((await call(token, 'GET', '/api/me')).body as { id: string }).id;
    };
    const [x, y] = [await user('Xaver Parallel'), await user('Yvonne Parallel')];
    const [first, second] = [await member(x), await member(y)];
    const answers = await Promise.all([setManager(x, y, first.etag), setManager(y, x, second.etag)]);
    expect(answers.map((a) => a.status).toSorted()).toEqual([200, 400]);
    expect(answers.find((a) => a.status === 400)!.body.errors[0]).toMatchObject({ field: 'managerId', reason: expect.stringMatching(/circle/) });
  });

  it('sets and clears a manager with If-Match, for admins only, and refuses oneself, a circle and a stranger', async () => {
    const before = await member(ids.seller);
    expect(before).toMatchObject({ displayName: 'Sina Vertrieb', managerId: null });
    expect((await call(seller, 'GET', '/api/team')).status).toBe(403);
    expect((await call(seller, 'PUT', `/api/team/${ids.seller}/manager`, { managerId: ids.boss }, before.etag)).status).toBe(403);
    expect((await call(admin, 'PUT', `/api/team/${ids.seller}/manager`, { managerId: ids.boss })).status).toBe(428);

    const set = await setManager(ids.seller, ids.boss, before.etag);
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ id: ids.seller, managerId: ids.boss });
    expect(set.headers.get('etag')).not.toBe(before.etag);
    const stale = await setManager(ids.seller, ids.chief, before.etag);
    expect(stale.status).toBe(412);

    expect((await setManager(ids.boss, ids.boss)).body.errors[0]).toMatchObject({ field: 'managerId', reason: expect.stringMatching(/own manager/) });
    expect((await setManager(ids.boss, ids.chief)).status).toBe(200);
    // Carl is above Bea, who is above Sina: Sina above Carl would be a circle.
    expect((await setManager(ids.chief, ids.seller)).body.errors[0]).toMatchObject({ field: 'managerId', reason: expect.stringMatching(/circle/) });
    expect((await setManager(ids.chief, randomUUID())).body.errors[0]).toMatchObject({ field: 'managerId', reason: 'is no user of this tenant' });
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(stranger, 'PUT', `/api/team/${ids.seller}/manager`, { managerId: null }, '"1"')).status).toBe(404);

    const audit = await getDb().query<{ action: string; changed_fields: string[] }>(
      `SELECT action, changed_fields FROM audit_log WHERE tenant_id = $1 AND entity = 'user' AND entity_id = $2`,
      [tenantId, ids.seller],
    );
    expect(audit).toEqual([{ action: 'update', changed_fields: ['managerId'] }]);
    const cleared = await setManager(ids.boss, null);
    expect([cleared.status, cleared.body.managerId]).toEqual([200, null]);
  });

  it("escalates an overdue case to its assignee's manager, and as before to the account owner when the assignee has none", async () => {
    if ((await member(ids.seller)).managerId !== ids.boss) expect((await setManager(ids.seller, ids.boss)).status).toBe(200);
    const open = async (token: string, name: string) => {
      const account = await created('/api/accounts', { name, ownerId: ids.admin });
      const occurredAt = new Date(Date.now() - 30 * 3_600_000).toISOString();
      const complaint = await created('/api/interactions', { type: 'complaint', direction: 'inbound', subject: `Defekt ${name}`, occurredAt, accountIds: [account.id] });
      await created('/api/cases', { interactionId: complaint.id, priority: 'normal' }, token);
      return account.id as string;
    };
    const sinas = await open(seller, 'Sinas Kunde');
    const adas = await open(admin, 'Adas Kunde');
    await escalateDue(getDb());
    const assignees = async (accountId: string) =>
      ((await call(admin, 'GET', `/api/tasks?accountId=${accountId}`)).body.items as Array<{ assigneeId: string }>).map((t) => t.assigneeId);
    expect(await assignees(sinas)).toEqual([ids.boss]);
    // Ada has no manager: the account owner (Ada herself), as before there were managers.
    expect(await assignees(adas)).toEqual([ids.admin]);
  });

  it("escalates a complaint open too long to the manager of the account's owner when the rule says so", async () => {
    if ((await member(ids.seller)).managerId !== ids.boss) expect((await setManager(ids.seller, ids.boss)).status).toBe(200);
    const own = await created('/api/accounts', { name: 'Alte Reklamation GmbH', ownerId: ids.seller });
    const orphan = await created('/api/accounts', { name: 'Ohne Chef GmbH', ownerId: ids.chief });
    for (const account of [own, orphan]) {
      await created('/api/interactions', {
        type: 'complaint',
        subject: `Offen bei ${account.name as string}`,
        occurredAt: new Date(Date.now() - 20 * DAY).toISOString(),
        accountIds: [account.id],
      });
    }
    const rules = await call(admin, 'GET', '/api/automation/rules');
    const { saved: _saved, updatedAt: _updatedAt, etag, ...document } = rules.body as Record<string, unknown> & { openComplaints: Record<string, unknown> };
    const put = await call(admin, 'PUT', '/api/automation/rules', { ...document, openComplaints: { ...document.openComplaints, toOwnersManager: true } }, etag as string);
    expect(put.status, put.text).toBe(200);
    const run = await call(admin, 'POST', '/api/automation/run');
    expect(run.status, run.text).toBe(200);
    const made = (run.body.rules as Array<{ rule: string; created: Array<{ accountId: string; assigneeId: string; reason: { en: string } }> }>).find(
      (r) => r.rule === 'openComplaints',
    )!.created;
    const byAccount = new Map(made.map((f) => [f.accountId, [f.assigneeId, f.reason.en.split('; ')[1]]]));
    expect(byAccount.get(own.id)).toEqual([ids.boss, "escalated to the account owner's manager"]);
    // Carl has no manager: the owner himself.
    expect(byAccount.get(orphan.id)).toEqual([ids.chief, 'escalated to the account owner']);
  });
});
