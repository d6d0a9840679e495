// GET then PUT of the settings works for any stored document, while the PUT body keeps its contract.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { defaultSettings } from './defaults';

describeEachDatabase('tenant settings over HTTP', (getDb) => {
  let api: ApiHarness;
  let admin: string;
  const tenantId = randomUUID();
  beforeAll(async () => {
    api = await createApiHarness(getDb());
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    expect((await api.call('GET', '/api/me', { token: admin })).status).toBe(200);
  });

  it('sends back what it read, even when the stored document has fields the schema no longer has', async () => {
    const stored = { ...defaultSettings, retiredFlag: true, graphSync: { ...defaultSettings.graphSync, retiredPolicy: 'x' } };
    await getDb().query(`UPDATE tenants SET settings = $2 WHERE tenant_id = $1`, [tenantId, JSON.stringify(stored)]);

    const read = await api.call('GET', '/api/settings', { token: admin });
    expect(read.status).toBe(200);
    const { etag, ...body } = read.body;
    expect(body).toEqual(defaultSettings);
    const saved = await api.call('PUT', '/api/settings', { token: admin, body: { ...body, sleepingAfterDays: 120 }, headers: { 'if-match': etag } });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...defaultSettings, sleepingAfterDays: 120, etag: '"2"' });
  });

  it('still refuses a PUT body with an unknown Graph sync key or without a required field', async () => {
    const { etag, ...body } = (await api.call('GET', '/api/settings', { token: admin })).body;
    const put = (payload: unknown) => api.call('PUT', '/api/settings', { token: admin, body: payload, headers: { 'if-match': etag } });
    expect((await put({ ...body, graphSync: { ...body.graphSync, retiredPolicy: 'x' } })).status).toBe(400);
    const withoutStages: Record<string, unknown> = { ...body };
    delete withoutStages.stages;
    expect((await put(withoutStages)).status).toBe(400);
  });
});
