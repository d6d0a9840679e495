// End to end over HTTP: the local host as `npm start` runs it, driven with development tokens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';

describe('local host end to end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  let host: LocalHostProcess;
  let token: string;

  const call = async (method: string, path: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${host.url}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
    };
  };
  const devToken = async (claims: Record<string, unknown> = {}) => (await call('POST', '/dev/token', { body: claims })).body.access_token as string;

  beforeAll(async () => {
    host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    token = await devToken();
  });
  afterAll(async () => {
    await host?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports health and serves the OpenAPI document', async () => {
    expect((await call('GET', '/api/health')).body).toMatchObject({ status: 'ok', database: 'pglite' });
    expect((await call('GET', '/api/openapi.json')).body.openapi).toBe('3.1.0');
    expect(host.output()).toContain(dataDir);
  });

  it('seeded the demo tenant for the default development user', async () => {
    const accounts = await call('GET', '/api/accounts?limit=200', { token });
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.length).toBeGreaterThanOrEqual(40);
  });

  it('creates an account and logs the same email twice as one record', async () => {
    const account = await call('POST', '/api/accounts', { token, body: { name: 'E2E Pumpen GmbH', domains: ['e2e-pumpen.de'] } });
    expect(account.status).toBe(201);
    const contact = await call('POST', '/api/contacts', {
      token,
      body: { firstName: 'Eva', lastName: 'Ende', emails: ['eva.ende@e2e-pumpen.de'], accountId: account.body.id },
    });
    expect(contact.status).toBe(201);
    const email = {
      type: 'email',
      occurredAt: '2026-11-23T10:00:00Z',
      subject: 'Angebot',
      internetMessageId: `<${randomUUID()}@e2e-pumpen.de>`,
      contactIds: [contact.body.id],
      source: 'addin',
    };
    const first = await call('POST', '/api/interactions', { token, body: email });
    const second = await call('POST', '/api/interactions', { token: await devToken({ userId: randomUUID(), name: 'Kollege' }), body: email });
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body.id).toBe(first.body.id);
    const timeline = await call('GET', `/api/accounts/${account.body.id}/timeline`, { token });
    expect(timeline.body.items).toHaveLength(1);
  });

  it('answers the context lookup for known and unknown addresses', async () => {
    const context = await call('GET', '/api/context?email=EVA.ENDE@e2e-pumpen.de&email=neu@e2e-pumpen.de', { token });
    expect(context.status).toBe(200);
    expect(context.body.people[0]).toMatchObject({ email: 'eva.ende@e2e-pumpen.de', status: 'known' });
    expect(context.body.people[1]).toMatchObject({ status: 'unknown', suggestedAccount: { name: 'E2E Pumpen GmbH' } });
    expect(context.body.accounts[0].recentInteractions).toHaveLength(1);
  });

  it('keeps tenants apart', async () => {
    const stranger = await devToken({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    const context = await call('GET', '/api/context?email=eva.ende@e2e-pumpen.de', { token: stranger });
    expect(context.body.people[0].status).toBe('unknown');
    expect((await call('GET', '/api/accounts?q=pumpen', { token: stranger })).body.items).toEqual([]);
  });

  it('answers bad input, wrong methods and unknown paths with problem documents', async () => {
    const malformed = await call('POST', '/api/accounts', { token, raw: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
    const tooBig = await call('POST', '/api/accounts', {
      token,
      raw: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(tooBig.status).toBe(413);
    const wrongMethod = await call('PUT', '/api/accounts', { token, body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST, HEAD');
    const malformedPath = await call('GET', '/api/accounts/%ZZ', { token });
    expect(malformedPath.status).toBe(400);
    expect(malformedPath.body.detail).toContain('/api/accounts/%ZZ');
    expect((await call('GET', '/api/nothing-here', { token })).status).toBe(404);
    expect((await call('GET', '/api/accounts')).status).toBe(401);
  });

  it('requires If-Match and refuses stale updates', async () => {
    const account = await call('POST', '/api/accounts', { token, body: { name: 'ETag AG' } });
    const path = `/api/accounts/${account.body.id}`;
    expect((await call('PATCH', path, { token, body: { rating: 'A' } })).status).toBe(428);
    const etag = account.headers.get('etag')!;
    expect((await call('PATCH', path, { token, body: { rating: 'A' }, headers: { 'if-match': etag } })).status).toBe(200);
    expect((await call('PATCH', path, { token, body: { rating: 'B' }, headers: { 'if-match': etag } })).status).toBe(412);
  });

  it('serves the front-end pages', async () => {
    const index = await call('GET', '/');
    expect(index.body).toContain('/addin/');
    expect((await call('GET', '/addin/')).status).toBe(200);
    expect((await call('GET', '/teams/')).status).toBe(200);
    expect((await call('GET', '/addin/..%2f..%2fpackage.json')).status).toBe(404);
    expect([400, 404]).toContain((await call('GET', '/addin/%ZZ')).status);
    expect((await call('GET', '/api/dev/token')).status).toBe(404);
  });

  it('stops cleanly on Ctrl-C and reuses the data on the next start', async () => {
    expect(await host.stop('SIGINT')).toBe(0);
    expect(host.output()).toContain('stopped.');
    host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    expect(host.output()).toMatch(/already there, reused/);
    token = await devToken();
    const found = await call('GET', '/api/accounts?q=e2e%20pumpen', { token });
    expect(found.body.items).toHaveLength(1);
    // A restart waits for the host's own start deadline (120 s), as the hooks do, not the 30 s a test gets.
  }, 150_000);
});
