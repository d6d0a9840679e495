// The sync API: each user's switches and status, admin-only runs and conflicts, clear answers when sync is not set up.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../support/api-harness';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('sync API', (getDb) => {
  let world: SyncWorld;
  let sync: ReturnType<SyncWorld['service']>;
  let api: ApiHarness;
  let bare: ApiHarness;
  let adminToken: string;
  let userToken: string;
  let userOid: string;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
    sync = world.service();
    api = await createApiHarness(getDb(), { sync });
    bare = await createApiHarness(getDb());
    adminToken = await api.token({ tenantId: world.tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    userOid = randomUUID();
    graph().model.addMailbox({ email: `paula.${userOid.slice(0, 6)}@crm-tests.example`, id: userOid, displayName: 'Paula Frei' });
    userToken = await api.token({ tenantId: world.tenantId, userId: userOid, name: 'Paula Frei', roles: ['CRM.User'] });
  });

  it('lets a user turn sync on and see only their own mailbox; admins see everyone', async () => {
    const empty = await api.call('GET', '/api/me/sync', { token: userToken });
    expect(empty.body).toEqual({ configured: true, connected: true, items: [] });
    const on = await api.call('PUT', '/api/me/sync', { token: userToken, body: { calendar: true, contacts: false } });
    expect(on.status).toBe(200);
    expect(on.body.items.map((i: { resource: string; enabled: boolean; status: string }) => [i.resource, i.enabled, i.status])).toEqual([
      ['calendar', true, 'not_synced'],
      ['contacts', false, 'not_synced'],
    ]);
    const mine = await api.call('GET', '/api/sync/status', { token: userToken });
    expect(new Set(mine.body.items.map((i: { displayName: string }) => i.displayName))).toEqual(new Set(['Paula Frei']));
    await world.employee('Quentin Kurz');
    const all = await api.call('GET', '/api/sync/status', { token: adminToken });
    expect(all.body.items.map((i: { displayName: string }) => i.displayName)).toEqual(expect.arrayContaining(['Paula Frei', 'Quentin Kurz']));
    const bad = await api.call('PUT', '/api/me/sync', { token: userToken, body: { calendar: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['calendar', 'contacts']));
  });

  it('runs a sync now for admins and answers a summary per mailbox and resource', async () => {
    const paula = (await world.db.query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 AND entra_oid = $2`, [world.tenantId, userOid]))[0]!.id;
    expect((await api.call('POST', '/api/sync/run', { token: userToken, body: {} })).status).toBe(403);
    // Switching sync on started a run in the background; it holds the mailbox until done, and this run must find it free.
    await sync.idle();
    const run = await api.call('POST', '/api/sync/run', { token: adminToken, body: { userId: paula } });
    expect(run.status).toBe(200);
    expect(run.body.results).toEqual([expect.objectContaining({ userId: paula, resource: 'calendar', outcome: 'synced', requests: 1, pages: 1 })]);
    expect((await api.call('GET', '/api/sync/conflicts', { token: userToken })).status).toBe(403);
    expect((await api.call('GET', '/api/sync/conflicts', { token: adminToken })).body).toEqual({ items: expect.any(Array) });
  });

  it('says plainly when the server has no Graph credentials', async () => {
    const token = await bare.token({ tenantId: world.tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    const status = await bare.call('GET', '/api/me/sync', { token });
    expect(status.body.configured).toBe(false);
    const run = await bare.call('POST', '/api/sync/run', { token, body: {} });
    expect(run.status).toBe(409);
    expect(run.body.detail).toMatch(/GRAPH_CLIENT_ID/);
  });
});
