// The catalogue's endpoints through the one API app: path and method errors, HEAD, trailing slashes and CORS.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../support/api-harness';
import { describeEachDatabase } from '../support/databases';

describeEachDatabase('HTTP transport', (getDb) => {
  let api: ApiHarness;
  let token: string;
  beforeAll(async () => {
    api = await createApiHarness(getDb(), { corsOrigins: ['https://crm.contoso.example'] });
    token = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
  });

  it('answers malformed percent-encoding in an id with a 400 problem naming the path', async () => {
    const response = await api.call('GET', '/api/accounts/%ZZ', { token });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toContain('/api/accounts/%ZZ');
    expect(response.body.errors).toEqual([{ field: 'path', in: 'path', reason: 'contains malformed percent-encoding' }]);
  });

  it('answers a method an endpoint does not take with 405 and the allowed methods', async () => {
    const response = await api.call('PUT', '/api/accounts', { token, body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(response.body.detail).toBe('PUT is not supported here; use GET or POST.');
    expect((await api.call('POST', '/api/accounts/x/timeline', { token })).headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD like GET, with the same status and ETag and no body', async () => {
    const account = await api.call('POST', '/api/accounts', { token, body: { name: 'Kopf GmbH' } });
    const get = await api.call('GET', `/api/accounts/${account.body.id}`, { token });
    const head = await api.call('HEAD', `/api/accounts/${account.body.id}`, { token });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.text).toBe('');
    expect((await api.call('HEAD', `/api/accounts/${randomUUID()}`, { token })).status).toBe(404);
    expect((await api.call('HEAD', '/api/accounts')).status).toBe(401);
  });

  it('reaches an endpoint with a trailing slash and answers an unknown path with the 404 problem', async () => {
    expect((await api.call('GET', '/api/accounts/', { token })).status).toBe(200);
    const missing = await api.call('GET', '/api/accounts/x/y/z', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('There is no API endpoint /api/accounts/x/y/z; see /api/openapi.json.');
  });

  it('answers a CORS preflight only for a configured origin, and exposes the ETag to it', async () => {
    const preflight = (origin: string) =>
      api.call('OPTIONS', '/api/accounts/00000000-0000-4000-8000-000000000000', {
        headers: { origin, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type, if-match' },
      });
    const allowed = await preflight('https://crm.contoso.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.contoso.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/if-match/);
    const refused = await preflight('https://crm.contoso.example.evil.test');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const read = await api.call('GET', '/api/accounts', { token, headers: { origin: 'https://crm.contoso.example' } });
    expect(read.headers.get('access-control-expose-headers')).toMatch(/etag/);
  });

  it('refuses every cross-origin preflight when no origin is configured', async () => {
    const sameOriginOnly = await createApiHarness(getDb());
    const response = await sameOriginOnly.call('OPTIONS', '/api/accounts', {
      headers: { origin: 'https://crm.contoso.example', 'access-control-request-method': 'GET' },
    });
    expect(response.status).toBe(403);
    expect(response.body.detail).toContain('CORS_ORIGINS');
  });
});
