// Bad input never reaches the domain and never becomes a 500: each case gets its 4xx problem naming the field.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { createApiHarness, type ApiHarness } from '../support/api-harness';

describeEachDatabase('HTTP request errors', (getDb) => {
  let api: ApiHarness;
  let token: string;
  beforeAll(async () => {
    api = await createApiHarness(getDb());
    token = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
  });

  const expectProblem = (response: { status: number; headers: Headers; body: { status: number; title: string; detail: string } }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(status);
    expect(response.body.detail.length).toBeGreaterThan(10);
  };

  it('answers malformed JSON with 400 naming the body', async () => {
    const response = await api.call('POST', '/api/accounts', { token, rawBody: '{"name": "Acme",', headers: { 'content-type': 'application/json' } });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'body', in: 'body' });
    expect(response.body.errors[0].reason).toMatch(/not valid JSON/);
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await api.call('POST', '/api/accounts', { token, rawBody: 'name=Acme', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectProblem(response, 415);
  });

  it('refuses bodies over 1 MiB with 413, whatever their content length header says', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    expectProblem(await api.call('POST', '/api/accounts', { token, rawBody: big, headers: { 'content-type': 'application/json' } }), 413);
  });

  it('names every invalid, missing and unknown field', async () => {
    const response = await api.call('POST', '/api/accounts', { token, body: { domains: ['not a domain'], rating: 'Z', colour: 'blue' } });
    expectProblem(response, 400);
    const fields = Object.fromEntries(response.body.errors.map((e: { field: string; reason: string }) => [e.field, e.reason]));
    expect(fields.name).toBe('is required');
    expect(fields['domains[0]']).toMatch(/domain such as example\.de/);
    expect(fields.rating).toBeDefined();
    expect(fields.colour).toBe('is not a known field');
  });

  it('never truncates: text over the limit is refused, not cut', async () => {
    const response = await api.call('POST', '/api/accounts', { token, body: { name: 'A'.repeat(201) } });
    expectProblem(response, 400);
    expect(response.body.errors[0].field).toBe('name');
  });

  it('validates query parameters and names them', async () => {
    const response = await api.call('GET', '/api/accounts?limit=0', { token });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'limit', in: 'query' });
    const cursor = await api.call('GET', '/api/accounts?cursor=bogus', { token });
    expectProblem(cursor, 400);
    expect(cursor.body.errors[0]).toMatchObject({ field: 'cursor', in: 'query' });
  });

  it('validates path ids', async () => {
    const response = await api.call('GET', '/api/accounts/not-a-uuid', { token });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'id', in: 'path' });
  });

  it('answers 404 for a well-formed id that does not exist', async () => {
    expectProblem(await api.call('GET', `/api/accounts/${randomUUID()}`, { token }), 404);
  });

  it('answers a reference to a record that does not exist with 400 naming the field', async () => {
    const response = await api.call('POST', '/api/contacts', { token, body: { lastName: 'Meyer', accountId: randomUUID() } });
    expectProblem(response, 400);
    expect(response.body.errors[0]).toMatchObject({ field: 'accountId' });
  });

  it('answers a duplicate email with 409 and the existing contact', async () => {
    const first = await api.call('POST', '/api/contacts', { token, body: { lastName: 'Schulz', emails: ['Anna.Schulz@Example.de'] } });
    expect(first.status).toBe(201);
    const second = await api.call('POST', '/api/contacts', { token, body: { lastName: 'Schulz', emails: [' anna.schulz@example.de '] } });
    expectProblem(second, 409);
    expect(second.body.existingId).toBe(first.body.id);
  });
});
