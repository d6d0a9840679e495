// Every call except health and openapi needs a valid token with the scope and a role that allows the action.
import { randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE } from '../../functions/src/core/auth/dev-token-issuer';
import { describeEachDatabase, untouchableDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP authentication and roles', (getDb) => {
  let api: ApiHarness;
  const tenantId = randomUUID();
  beforeAll(async () => {
    api = await createApiHarness(getDb());
  });

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await api.call('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: getDb().kind });
    const openapi = await api.call('GET', '/api/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.body.paths)).toContain('/api/context');
  });

  it('answers a missing token with 401 and a WWW-Authenticate challenge', async () => {
    const response = await api.call('GET', '/api/accounts');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('rejects expired tokens, foreign signatures and wrong audiences', async () => {
    const expired = await api.token({ tenantId, userId: randomUUID() }, -600);
    expect((await api.call('GET', '/api/accounts', { token: expired })).body.detail).toMatch(/expired/);

    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ tid: tenantId, oid: randomUUID(), scp: 'access_as_user', roles: ['CRM.Admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: api.issuer.jwks.keys[0]!.kid! })
      .setIssuer(api.issuer.issuerTemplate.replace('{tenantid}', tenantId))
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await api.call('GET', '/api/accounts', { token: forged })).status).toBe(401);

    const otherAudience = await new SignJWT({ tid: tenantId, oid: randomUUID(), scp: 'access_as_user', roles: ['CRM.Admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'unknown-kid' })
      .setIssuer('https://login.example.com/evil')
      .setAudience('api://someone-else')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await api.call('GET', '/api/accounts', { token: otherAudience })).status).toBe(401);
  });

  it('answers a token without a CRM role with 403 and says what is missing', async () => {
    const token = await api.token({ tenantId, userId: randomUUID(), roles: [] });
    const response = await api.call('GET', '/api/accounts', { token });
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/no CRM role/);
  });

  it('lets readers read but not write', async () => {
    const reader = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Reader'] });
    expect((await api.call('GET', '/api/accounts', { token: reader })).status).toBe(200);
    const write = await api.call('POST', '/api/accounts', { token: reader, body: { name: 'Reader GmbH' } });
    expect(write.status).toBe(403);
    expect(write.body.detail).toMatch(/may not change CRM data/);
  });

  it('lets only managers and admins delete, and only admins change settings', async () => {
    const user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    const admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    const created = await api.call('POST', '/api/accounts', { token: user, body: { name: 'Delete Me AG' } });
    const etag = created.headers.get('etag')!;
    expect((await api.call('DELETE', `/api/accounts/${created.body.id}`, { token: user, headers: { 'if-match': etag } })).status).toBe(403);
    expect((await api.call('DELETE', `/api/accounts/${created.body.id}`, { token: admin, headers: { 'if-match': etag } })).status).toBe(204);

    const settings = await api.call('GET', '/api/settings', { token: user });
    const { etag: settingsEtag, ...body } = settings.body;
    const put = (token: string) => api.call('PUT', '/api/settings', { token, body: { ...body, sleepingAfterDays: 60 }, headers: { 'if-match': settingsEtag } });
    expect((await put(user)).status).toBe(403);
    const saved = await put(admin);
    expect(saved.status).toBe(200);
    expect(saved.body.sleepingAfterDays).toBe(60);
  });

  it('creates the user on the first call from the token claims', async () => {
    const userId = randomUUID();
    const token = await api.token({ tenantId, userId, name: 'Jana Krüger', email: 'jana.krueger@seller.example', roles: ['CRM.Manager'] });
    const me = await api.call('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ tenantId, displayName: 'Jana Krüger', email: 'jana.krueger@seller.example', roles: ['CRM.Manager'] });
  });
});

describe('tenant allow-list', () => {
  it('refuses tokens of tenants that are not allowed, before any query', async () => {
    const api = await createApiHarness(untouchableDatabase(), { allowedTenants: [randomUUID()] });
    const token = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    const response = await api.call('GET', '/api/accounts', { token });
    expect(response.status).toBe(403);
    expect(response.body.detail).toMatch(/not allowed/);
  });
});
