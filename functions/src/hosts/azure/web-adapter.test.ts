// Azure's HttpRequest in, the app's answer out: bodies, headers and statuses cross the adapter unchanged.
import { randomUUID } from 'node:crypto';
import funcs from '@azure/functions';
import { beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { azureHttpHandler } from './web-adapter';

const { HttpRequest, InvocationContext } = funcs;

describeEachDatabase('Azure HTTP adapter', (getDb) => {
  let api: ApiHarness;
  let token: string;
  let handle: ReturnType<typeof azureHttpHandler>;
  beforeAll(async () => {
    api = await createApiHarness(getDb());
    token = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    handle = azureHttpHandler(api.app);
  });
  const text = (body: unknown) => (body instanceof Uint8Array ? new TextDecoder().decode(body) : '');

  it('answers GET /api/health from the app', async () => {
    const response = await handle(new HttpRequest({ method: 'GET', url: 'http://localhost:7071/api/health' }), new InvocationContext());
    expect(response.status).toBe(200);
    expect(JSON.parse(text(response.body))).toMatchObject({ status: 'ok', version: 'test' });
  });

  it('streams a JSON body in and returns status, Location and ETag', async () => {
    const request = new HttpRequest({
      method: 'POST',
      url: 'http://localhost:7071/api/accounts',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: { string: JSON.stringify({ name: 'Adapter AG' }) },
    });
    const response = await handle(request, new InvocationContext());
    expect(response.status).toBe(201);
    const headers = new Headers(response.headers as Record<string, string>);
    const created = JSON.parse(text(response.body));
    expect(created.name).toBe('Adapter AG');
    expect(headers.get('location')).toBe(`/api/accounts/${created.id}`);
    expect(headers.get('etag')).toBe(created.etag);
  });

  it('answers HEAD without a body', async () => {
    const request = new HttpRequest({ method: 'HEAD', url: 'http://localhost:7071/api/accounts', headers: { authorization: `Bearer ${token}` } });
    const response = await handle(request, new InvocationContext());
    expect(response.status).toBe(200);
    expect(response.body).toBeUndefined();
  });
});
