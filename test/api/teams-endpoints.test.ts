// The Teams tabs' read endpoints over HTTP: answers match their contracts, bad ids are 400 problems, other tenants see nothing.
import { AccountOverview, MyWork } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP Teams tab endpoints', (getDb) => {
  let api: ApiHarness;
  let owner: string;
  let accountId: string;

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    owner = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.User'] });
    accountId = (await api.call('POST', '/api/accounts', { token: owner, body: { name: 'Tab GmbH' } })).body.id;
    await api.call('POST', '/api/interactions', {
      token: owner,
      body: {
        type: 'complaint',
        occurredAt: '2026-11-01T10:00:00Z',
        subject: 'Defekt',
        accountIds: [accountId],
        source: 'teams',
        teamsOrigin: { channelId: '19:x', name: 'Vertrieb' },
      },
    });
  });

  it('answers the account overview in its contract shape', async () => {
    const response = await api.call('GET', `/api/accounts/${accountId}/overview`, { token: owner });
    expect(response.status).toBe(200);
    const overview = AccountOverview.parse(response.body);
    expect(overview.openComplaints.map((c) => c.subject)).toEqual(['Defekt']);
    expect(overview.figures.interactionCount).toBe(1);
  });

  it('keeps where in Teams a record was logged', async () => {
    const timeline = await api.call('GET', `/api/accounts/${accountId}/timeline`, { token: owner });
    expect(timeline.body.items[0].teamsOrigin).toEqual({ channelId: '19:x', name: 'Vertrieb' });
    const bad = await api.call('POST', '/api/interactions', {
      token: owner,
      body: { type: 'note', occurredAt: '2026-11-01T10:00:00Z', accountIds: [accountId], teamsOrigin: { channel: 'x' } },
    });
    expect(bad.status).toBe(400);
  });

  it("answers the user's work in its contract shape", async () => {
    const response = await api.call('GET', '/api/me/work', { token: owner });
    expect(response.status).toBe(200);
    expect(MyWork.parse(response.body).sleepingAfterDays).toBe(90);
  });

  it('rejects a malformed id with a problem document and hides other tenants and anonymous callers', async () => {
    const bad = await api.call('GET', '/api/accounts/not-a-uuid/overview', { token: owner });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const stranger = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.User'] });
    expect((await api.call('GET', `/api/accounts/${accountId}/overview`, { token: stranger })).status).toBe(404);
    expect((await api.call('GET', '/api/me/work', { token: null })).status).toBe(401);
  });
});
