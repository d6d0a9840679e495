// Service contracts per account through the API: an account's own hours override the tenant's service levels for the
// priorities the contract names and while it runs; creating and changing it are guarded by If-Match; managers only.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

const HOUR = 3_600_000;

describeEachDatabase('service contracts', (getDb) => {
  let api: ApiHarness;
  let admin: string;
  let agent: string;
  const call = callAs(() => api);
  const created = (path: string, body: unknown, token = admin) => createAs(() => api)(token, path, body);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    const tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    agent = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
  });

  const caseOn = async (accountId: string, priority: string, occurredAt: string) => {
    const complaint = await created('/api/interactions', { type: 'complaint', subject: `Fall ${priority}`, occurredAt, accountIds: [accountId] });
    return created('/api/cases', { interactionId: complaint.id, priority }, agent);
  };

  it("gives an account's cases the contract's hours for the priorities it names and the tenant's for the rest", async () => {
    const account = await created('/api/accounts', { name: 'Vertragskunde GmbH' });
    const none = await call(agent, 'GET', `/api/accounts/${account.id}/service-contract`);
    expect(none.body).toEqual({ accountId: account.id, name: null, levels: {}, validUntil: null, etag: '"0"', updatedAt: null });

    const body = { name: 'Premium-Wartung', levels: { high: { firstResponseHours: 4, resolutionHours: 16 } } };
    expect((await call(admin, 'PUT', `/api/accounts/${account.id}/service-contract`, body)).status).toBe(428);
    expect((await call(agent, 'PUT', `/api/accounts/${account.id}/service-contract`, body, '"0"')).status).toBe(403);
    const put = await call(admin, 'PUT', `/api/accounts/${account.id}/service-contract`, body, '"0"');
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ name: 'Premium-Wartung', levels: body.levels, validUntil: null, etag: '"1"' });
    expect((await call(admin, 'PUT', `/api/accounts/${account.id}/service-contract`, body, '"0"')).status).toBe(412);

    const occurredAt = new Date(Date.now() - HOUR).toISOString();
    const opened = Date.parse(occurredAt);
    const high = await caseOn(account.id, 'high', occurredAt);
    expect(high).toMatchObject({ firstResponseDue: new Date(opened + 4 * HOUR).toISOString(), resolutionDue: new Date(opened + 16 * HOUR).toISOString() });
    const normal = await caseOn(account.id, 'normal', occurredAt);
    expect(normal).toMatchObject({ firstResponseDue: new Date(opened + 24 * HOUR).toISOString(), resolutionDue: new Date(opened + 120 * HOUR).toISOString() });
    // Raising the normal case to high moves its due times to the contract's.
    const raised = await call(agent, 'PATCH', `/api/cases/${normal.id}`, { priority: 'high' }, normal.etag);
    expect(raised.body).toMatchObject({ firstResponseDue: new Date(opened + 4 * HOUR).toISOString() });

    const other = await created('/api/accounts', { name: 'Ohne Vertrag KG' });
    const plain = await caseOn(other.id, 'high', occurredAt);
    expect(plain).toMatchObject({ firstResponseDue: new Date(opened + 8 * HOUR).toISOString() });
  });

  it('stops applying after its last day, refuses impossible hours naming the field, and keeps tenants apart', async () => {
    const account = await created('/api/accounts', { name: 'Abgelaufen AG' });
    const put = await call(
      admin,
      'PUT',
      `/api/accounts/${account.id}/service-contract`,
      { levels: { urgent: { firstResponseHours: 1, resolutionHours: 4 } }, validUntil: '2026-01-31' },
      '"0"',
    );
    expect(put.status, put.text).toBe(200);
    const inTime = await caseOn(account.id, 'urgent', '2026-01-31T20:00:00Z');
    expect(inTime.firstResponseDue).toBe('2026-01-31T21:00:00.000Z');
    const after = await caseOn(account.id, 'urgent', '2026-02-02T08:00:00Z');
    expect(after.firstResponseDue).toBe('2026-02-02T10:00:00.000Z');

    const wrong = await call(
      admin,
      'PUT',
      `/api/accounts/${account.id}/service-contract`,
      { levels: { low: { firstResponseHours: 0, resolutionHours: 4 } } },
      put.body.etag,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'levels.low.firstResponseHours' });

    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await call(stranger, 'GET', `/api/accounts/${account.id}/service-contract`)).status).toBe(404);
    expect((await call(stranger, 'PUT', `/api/accounts/${account.id}/service-contract`, { levels: {} }, '"0"')).status).toBe(404);
  });

  it("lists the tenant's contracts by account name, page by page, and ends one with If-Match (managers only)", async () => {
    const tenantId = randomUUID();
    const manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    const user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    const mine = (path: string, body: unknown) => createAs(() => api)(manager, path, body);
    const names = ['Zeta Pumpen', 'Alpha Anlagen', 'Mitte Maschinen'];
    const accounts = await Promise.all(names.map((name) => mine('/api/accounts', { name })));
    await mine('/api/accounts', { name: 'Ohne Vertrag' });
    for (const [i, account] of accounts.entries()) {
      const put = await call(manager, 'PUT', `/api/accounts/${account.id}/service-contract`, { name: `Vertrag ${i}`, levels: { high: { firstResponseHours: 4, resolutionHours: 16 } } }, '"0"');
      expect(put.status, put.text).toBe(200);
    }
    const first = await call(user, 'GET', '/api/service-contracts?limit=2');
    expect(first.status, first.text).toBe(200);
    expect(first.body.items.map((c: { accountName: string; name: string }) => [c.accountName, c.name])).toEqual([
      ['Alpha Anlagen', 'Vertrag 1'],
      ['Mitte Maschinen', 'Vertrag 2'],
    ]);
    expect(first.body.items[0]).toMatchObject({ accountId: accounts[1]!.id, etag: '"1"', levels: { high: { firstResponseHours: 4, resolutionHours: 16 } } });
    const second = await call(user, 'GET', `/api/service-contracts?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ accountName: 'Zeta Pumpen' }], nextCursor: null });

    const zeta = accounts[0]!.id;
    expect((await call(user, 'DELETE', `/api/accounts/${zeta}/service-contract`, undefined, '"1"')).status).toBe(403);
    expect((await call(manager, 'DELETE', `/api/accounts/${zeta}/service-contract`)).status).toBe(428);
    expect((await call(manager, 'DELETE', `/api/accounts/${zeta}/service-contract`, undefined, '"2"')).status).toBe(412);
    expect((await call(manager, 'DELETE', `/api/accounts/${zeta}/service-contract`, undefined, '"1"')).status).toBe(204);
    expect((await call(manager, 'DELETE', `/api/accounts/${zeta}/service-contract`, undefined, '"1"')).status).toBe(404);
    expect((await call(user, 'GET', `/api/accounts/${zeta}/service-contract`)).body).toMatchObject({ etag: '"0"', levels: {} });
    expect((await call(user, 'GET', '/api/service-contracts')).body.items.map((c: { accountName: string }) => c.accountName)).toEqual(['Alpha Anlagen', 'Mitte Maschinen']);
    expect((await call(admin, 'GET', '/api/service-contracts')).body.items.map((c: { accountName: string }) => c.accountName)).not.toContain('Alpha Anlagen');
  });
});
