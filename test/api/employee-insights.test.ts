// Key figures per employee over HTTP, in both states of the tenant's switch: off (the default) refuses managers with a
// 403 problem that says why (the works council, BetrVG §87(1) Nr. 6); on lets managers and admins read them, with
// values worked out by hand, and never users or another tenant. The switch is a setting of the settings schema.
import { EmployeeInsights } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP per-employee figures', (getDb) => {
  let api: ApiHarness;
  const tenantId = randomUUID();
  const tokens = { admin: '', manager: '', seller: '', stranger: '' };
  const ids = { manager: '', seller: '' };

  const as = (token: string, path = '/api/insights/employees?period=2025') => api.call('GET', path, { token });
  const switchTo = async (on: boolean) => {
    const { body } = await api.call('GET', '/api/settings', { token: tokens.admin });
    const { etag, ...settings } = body;
    const put = await api.call('PUT', '/api/settings', {
      token: tokens.admin,
      headers: { 'if-match': etag },
      body: { ...settings, insights: { ...settings.insights, perEmployeeFigures: on } },
    });
    expect(put.status).toBe(200);
  };
  const deal = async (token: string, accountId: string, amount: number, probability: number, closed?: { status: 'won' | 'lost'; at: string }) => {
    const made = await api.call('POST', '/api/opportunities', { token, body: { accountId, name: `Deal ${amount}`, amount, probability } });
    expect(made.status).toBe(201);
    if (closed)
      await getDb().query(`UPDATE opportunities SET status = $3, closed_at = $4 WHERE tenant_id = $1 AND id = $2`, [tenantId, made.body.id, closed.status, closed.at]);
  };

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    tokens.admin = await api.token({ tenantId, userId: randomUUID(), name: 'Anna Admin', roles: ['CRM.Admin'] });
    tokens.manager = await api.token({ tenantId, userId: randomUUID(), name: 'Mia Manager', roles: ['CRM.Manager'] });
    tokens.seller = await api.token({ tenantId, userId: randomUUID(), name: 'Ben Verkauf', roles: ['CRM.User'] });
    tokens.stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    ids.manager = (await api.call('GET', '/api/me', { token: tokens.manager })).body.id;
    ids.seller = (await api.call('GET', '/api/me', { token: tokens.seller })).body.id;
    const account = async (token: string, name: string, ownerId: string) =>
      (await api.call('POST', '/api/accounts', { token, body: { name, ownerId } })).body.id as string;
    const bens = [await account(tokens.seller, 'Eins GmbH', ids.seller), await account(tokens.seller, 'Zwei KG', ids.seller)];
    const mias = await account(tokens.manager, 'Drei AG', ids.manager);
    await deal(tokens.seller, bens[0]!, 1000, 25);
    await deal(tokens.seller, bens[1]!, 2000.55, 50);
    await deal(tokens.seller, bens[0]!, 3000, 90, { status: 'won', at: '2025-05-10T09:00:00Z' });
    await deal(tokens.seller, bens[1]!, 500, 50, { status: 'lost', at: '2025-07-01T00:00:00Z' });
    // Closed on the last evening of 2024: outside the period.
    await deal(tokens.seller, bens[1]!, 700, 50, { status: 'won', at: '2024-12-31T23:59:59Z' });
    await deal(tokens.manager, mias, 400, 10, { status: 'lost', at: '2025-12-31T12:00:00Z' });
  });

  it('is off by default: GET /api/settings says so, and managers and admins are refused with the reason', async () => {
    expect((await api.call('GET', '/api/settings', { token: tokens.seller })).body.insights.perEmployeeFigures).toBe(false);
    for (const token of [tokens.manager, tokens.admin]) {
      const refused = await as(token);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 403, reason: 'per_employee_figures_off', setting: 'insights.perEmployeeFigures' });
      expect(refused.body.detail).toContain('works council agreement (BetrVG §87(1) Nr. 6)');
    }
    expect((await as(tokens.seller)).status).toBe(403);
  });

  it('on, answers managers and admins each owner’s figures as computed by hand, users still not', async () => {
    await switchTo(true);
    try {
      const answer = await as(tokens.manager);
      expect(answer.status).toBe(200);
      const figures = EmployeeInsights.parse(answer.body);
      expect(figures.range).toMatchObject({ period: '2025', from: '2025-01-01', to: '2026-01-01' });
      // Anna owns nothing and is not listed. Ben: weighted 1000 × 25 % + 2000.55 × 50 % = 250 + 1000.28 (to the cent);
      // won 1 of (1 won + 1 lost) in 2025; the deal won on 31 Dec 2024 is outside.
      expect(figures.employees).toEqual([
        { userId: ids.seller, displayName: 'Ben Verkauf', accounts: 2, openOpportunities: 2, openAmount: 3000.55, weightedPipeline: 1250.28, won: 1, wonAmount: 3000, lost: 1, winRate: 0.5 },
        { userId: ids.manager, displayName: 'Mia Manager', accounts: 1, openOpportunities: 0, openAmount: 0, weightedPipeline: 0, won: 0, wonAmount: 0, lost: 1, winRate: 0 },
      ]);
      expect((await as(tokens.admin)).body).toEqual(answer.body);
      const seller = await as(tokens.seller);
      expect([seller.status, seller.body.detail]).toEqual([403, expect.stringContaining('CRM.Admin, CRM.Manager')]);
      // Another tenant's admin sees only that tenant, whose switch is off.
      expect((await as(tokens.stranger)).body.reason).toBe('per_employee_figures_off');
      const bad = await as(tokens.manager, '/api/insights/employees?period=2025-13');
      expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'period']);
    } finally {
      await switchTo(false);
    }
    expect((await as(tokens.manager)).status).toBe(403);
  });

  it('describes the switch in the OpenAPI document with the works council agreement it needs', async () => {
    const openapi = await api.call('GET', '/api/openapi.json');
    expect(JSON.stringify(openapi.body)).toContain('Switch it on only under a works council agreement');
  });
});
