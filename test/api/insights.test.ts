// The insights and goals endpoints over HTTP: contract shapes, the period checked with the field named, every role may
// read, managers set goals and read their history from the snapshots, and each tenant sees only its own figures and goals.
import { AccountInsights, Goal, TeamInsights } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP insights', (getDb) => {
  let api: ApiHarness;
  const tenants = { own: randomUUID(), other: randomUUID() };
  let owner: string;
  let reader: string;
  let intruder: string;
  let manager: string;
  let accountId: string;

  const customerWith = async (token: string, tenantId: string, name: string, revenue: number) => {
    const id = (await api.call('POST', '/api/accounts', { token, body: { name } })).body.id as string;
    await getDb().query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'year', '2025-01-01', $3, 'import')`,
      [tenantId, id, revenue],
    );
    return id;
  };

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    owner = await api.token({ tenantId: tenants.own, userId: randomUUID(), roles: ['CRM.User'] });
    reader = await api.token({ tenantId: tenants.own, userId: randomUUID(), roles: ['CRM.Reader'] });
    intruder = await api.token({ tenantId: tenants.other, userId: randomUUID(), roles: ['CRM.Admin'] });
    manager = await api.token({ tenantId: tenants.own, userId: randomUUID(), roles: ['CRM.Manager'] });
    accountId = await customerWith(owner, tenants.own, 'Eigen GmbH', 50_000);
    await customerWith(intruder, tenants.other, 'Fremd AG', 70_000);
  });

  it("answers the team's figures of a year in their contract shape, for any role, with the tenant's own customers only", async () => {
    for (const [token, revenue] of [
      [owner, 50_000],
      [reader, 50_000],
      [intruder, 70_000],
    ] as const) {
      const response = await api.call('GET', '/api/insights?period=2025', { token });
      expect(response.status).toBe(200);
      const team = TeamInsights.parse(response.body);
      expect(team.range).toEqual({ period: '2025', from: '2025-01-01', to: '2026-01-01', previousFrom: '2024-01-01' });
      expect(team.abc[0]).toEqual({ class: 'A', accounts: 1, revenue });
      expect(team.customers).toMatchObject({ active: 1, new: 1 });
    }
  });

  it("answers an account's insights and hides it from another tenant", async () => {
    const response = await api.call('GET', `/api/accounts/${accountId}/insights?period=2025`, { token: owner });
    expect(response.status).toBe(200);
    expect(AccountInsights.parse(response.body).abc).toMatchObject({ class: 'A', revenue: 50_000, customers: 1 });
    expect((await api.call('GET', `/api/accounts/${accountId}/insights`, { token: intruder })).status).toBe(404);
  });

  it('sends the team figures compressed to a client that accepts it: the same JSON, Vary, a weak ETag that still matches', async () => {
    const plain = await api.call('GET', '/api/insights?period=2025', { token: owner });
    const etag = plain.headers.get('etag') ?? '';
    for (const [accepted, coding] of [
      ['gzip, deflate, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['deflate, *;q=0.5', 'br'],
      ['identity', null],
      ['br;q=0, gzip;q=0', null],
    ] as const) {
      const sent = await api.call('GET', '/api/insights?period=2025', { token: owner, headers: { 'accept-encoding': accepted } });
      expect([sent.status, sent.headers.get('content-encoding'), sent.headers.get('vary')], accepted).toEqual([200, coding, 'Accept-Encoding']);
      expect(sent.text).toBe(plain.text);
      expect(sent.headers.get('etag')).toBe(coding ? `W/${etag}` : etag);
      const held = await api.call('GET', '/api/insights?period=2025', { token: reader, headers: { 'accept-encoding': accepted, 'if-none-match': etag } });
      expect([held.status, held.text]).toEqual([304, '']);
    }
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('sends the team figures with an ETag, 304 to a client that holds them, and never the held answer to another tenant', async () => {
    const first = await api.call('GET', '/api/insights?period=2025', { token: owner });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+\.0"$/);
    const held = await api.call('GET', '/api/insights?period=2025', { token: reader, headers: { 'if-none-match': `W/"x", W/${etag}` } });
    expect([held.status, held.text, held.headers.get('etag')]).toEqual([304, '', etag]);
    const other = await api.call('GET', '/api/insights?period=2025', { token: intruder, headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
    expect(TeamInsights.parse(other.body).abc[0]?.revenue).toBe(70_000);
    expect((await api.call('GET', '/api/insights?period=2025', { token: owner })).text).toBe(first.text);
    // A change makes the held figures stale: the ETag no longer matches, so the client gets the body that says so.
    await customerWith(owner, tenants.own, 'Neu KG', 5_000);
    const changed = await api.call('GET', '/api/insights?period=2025', { token: owner, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('refuses a malformed period or an unknown parameter with a problem naming it', async () => {
    const bad = await api.call('GET', '/api/insights?period=2025-13', { token: owner });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors[0]).toMatchObject({ field: 'period', in: 'query' });
    const unknown = await api.call('GET', `/api/accounts/${accountId}/insights?perod=2025`, { token: owner });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'perod', in: 'query' });
    expect((await api.call('GET', '/api/insights', { token: null })).status).toBe(401);
  });

  it('lets managers set, change and delete goals, everyone read them, and no other tenant see them', async () => {
    const body = { title: 'Neukunden', metric: 'newCustomers', startValue: 0, targetValue: 4, startDate: '2026-01-01', deadline: '2026-12-31' };
    expect((await api.call('POST', '/api/goals', { token: owner, body })).status).toBe(403);
    const bad = await api.call('POST', '/api/goals', { token: manager, body: { ...body, deadline: '2025-12-31' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'deadline', in: 'body', reason: 'must be after startDate' });

    const made = await api.call('POST', '/api/goals', { token: manager, body });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`/api/goals/${made.body.id}`);
    expect(Goal.parse(made.body).progress.period).toBe('last-12-months');
    const listed = await api.call('GET', '/api/goals', { token: reader });
    expect(listed.body.items.map((g: { id: string }) => g.id)).toEqual([made.body.id]);

    const path = `/api/goals/${made.body.id}`;
    expect((await api.call('PATCH', path, { token: manager, body: { targetValue: 6 } })).status).toBe(428);
    const changed = await api.call('PATCH', path, { token: manager, body: { targetValue: 6 }, headers: { 'if-match': made.headers.get('etag') ?? '' } });
    expect([changed.status, changed.body.targetValue]).toEqual([200, 6]);
    expect((await api.call('GET', path, { token: intruder })).status).toBe(404);
    expect((await api.call('GET', '/api/goals', { token: intruder })).body.items).toEqual([]);
    expect((await api.call('DELETE', path, { token: manager, headers: { 'if-match': changed.headers.get('etag') ?? '' } })).status).toBe(204);
    expect((await api.call('GET', path, { token: reader })).status).toBe(404);
  });

  it("answers a goal's key figure month by month from the tenant's snapshots, in the list and alone", async () => {
    const { body: team } = await api.call('GET', '/api/insights', { token: intruder });
    const figures = TeamInsights.parse(team);
    await getDb().query(`INSERT INTO insight_snapshots (tenant_id, month, figures) VALUES ($1, '2026-06-01', $2)`, [
      tenants.other,
      JSON.stringify({ ...figures, customers: { ...figures.customers, new: 2 } }),
    ]);
    const body = { title: 'Neukunden', metric: 'newCustomers', startValue: 0, targetValue: 4, startDate: '2026-01-01', deadline: '2026-12-31' };
    const made = await api.call('POST', '/api/goals', { token: intruder, body });
    // June ends on 1 July, 181 of the year's 365 days: the plan stands at 4 * 181 / 365 = 1.9836, and 2 is past it.
    const history = [{ month: '2026-06', value: 2, planned: 1.9836, onTrack: true }];
    expect(Goal.parse(made.body).progress.history).toEqual(history);
    expect((await api.call('GET', `/api/goals/${made.body.id}`, { token: intruder })).body.progress.history).toEqual(history);
    expect((await api.call('GET', '/api/goals', { token: intruder })).body.items[0].progress.history).toEqual(history);
  });

  it('answers the trend from the snapshots, refusing a month count out of range', async () => {
    const trend = await api.call('GET', '/api/insights/trend?months=3', { token: reader });
    expect([trend.status, trend.body]).toEqual([200, { snapshots: [] }]);
    const bad = await api.call('GET', '/api/insights/trend?months=0', { token: reader });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'months']);
  });
});
