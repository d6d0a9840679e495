// An opportunity's optional product line through the API: created with one or without, changed with If-Match, cleared by
// a blank, refused when too long, naming the field; on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';

describeEachDatabase('opportunity product line', (getDb) => {
  let api: ApiHarness;
  let token: string;
  let accountId: string;
  const call = callAs(() => api);
  const created = (path: string, body: unknown) => createAs(() => api)(token, path, body);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    token = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    accountId = (await created('/api/accounts', { name: 'Linien AG' })).id;
  });

  it('keeps none unless given, and takes one trimmed', async () => {
    expect((await created('/api/opportunities', { accountId, name: 'Ohne' })).productLine).toBeNull();
    const withLine = await created('/api/opportunities', { accountId, name: 'Mit', productLine: '  Ersatzteile ' });
    expect(withLine.productLine).toBe('Ersatzteile');
    expect((await call(token, 'GET', `/api/opportunities/${withLine.id}`)).body.productLine).toBe('Ersatzteile');
  });

  it('changes it with If-Match and clears it with a blank', async () => {
    const deal = await created('/api/opportunities', { accountId, name: 'Wechsel' });
    expect((await call(token, 'PATCH', `/api/opportunities/${deal.id}`, { productLine: 'Service' })).status).toBe(428);
    const changed = await call(token, 'PATCH', `/api/opportunities/${deal.id}`, { productLine: 'Service' }, deal.etag);
    expect([changed.status, changed.body.productLine]).toEqual([200, 'Service']);
    const cleared = await call(token, 'PATCH', `/api/opportunities/${deal.id}`, { productLine: ' ' }, changed.headers.get('etag')!);
    expect([cleared.status, cleared.body.productLine]).toEqual([200, null]);
    const stale = await call(token, 'PATCH', `/api/opportunities/${deal.id}`, { productLine: 'Anlagen' }, deal.etag);
    expect(stale.status).toBe(412);
  });

  it('refuses a line longer than 100 characters, naming the field', async () => {
    const refused = await call(token, 'POST', '/api/opportunities', { accountId, name: 'Lang', productLine: 'x'.repeat(101) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'productLine' });
  });
});
