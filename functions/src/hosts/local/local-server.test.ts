// The local host over a real socket: the API app passed through, development sign-in beside it, the front-ends from their roots.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { MAX_BODY_BYTES } from '../../core/http/request-input';
import { contentSecurityPolicy } from '../../core/http/security-headers';
import { startLocalServer, type LocalServer } from './local-server';

/** A raw request, so paths reach the server exactly as written (fetch would resolve "..") and a body can be streamed. */
function rawRequest(
  url: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; streamBytes?: number } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    let sent = 0;
    const request = httpRequest({ hostname, port, method, path, headers: options.headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text, sent }));
      response.on('error', reject);
    });
    // Once the server has answered it may stop reading; a write failing after that is expected, not the result.
    request.on('error', (error) => (request.writableEnded ? undefined : reject(error)));
    if (!options.streamBytes) return void request.end();
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (sent < options.streamBytes!) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      request.end();
    };
    request.write('{"name":"');
    pump();
  });
}

const ICON = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describeEachDatabase('local host server', (getDb) => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-local-server-'));
  const root = join(dir, 'addin');
  let api: ApiHarness;
  let server: LocalServer;
  let token: string;

  beforeAll(async () => {
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>task pane</title>');
    writeFileSync(join(root, 'app.js'), 'console.log("task pane");');
    writeFileSync(join(dir, 'icon.png'), ICON);
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    api = await createApiHarness(getDb());
    token = await api.token({ tenantId: randomUUID(), userId: randomUUID() });
    server = await startLocalServer({
      host: '127.0.0.1',
      port: 0,
      sites: [{ prefix: '/addin/', root, title: 'Add-in' }],
      favicon: join(dir, 'icon.png'),
      prepare: async () => ({ api: api.app, issuer: api.issuer }),
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the start page and the front-end files with their caching and nosniff headers', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('href="/addin/"');

    const redirect = await fetch(`${server.url}/addin`, { redirect: 'manual' });
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/addin/');

    const page = await fetch(`${server.url}/addin/`);
    expect(await page.text()).toContain('task pane');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`${server.url}/addin/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=60');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers /favicon.ico with the app icon instead of a 404', async () => {
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await icon.arrayBuffer())).toEqual(ICON);
  });

  it("sets the pages' Content-Security-Policy on HTML and nosniff on every answer, the API app's own included", async () => {
    for (const path of ['/', '/addin/']) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy());
      expect(page.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    for (const path of ['/addin/app.js', '/api/health', '/api/accounts', '/nowhere']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy'), path).toBeNull();
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    // As the Azure host serves it: the API app alone.
    for (const path of ['/api/health', '/api/accounts', '/api/nowhere']) {
      expect((await api.app.request(path)).headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serves no development routes without an issuer, and the start page says the previews cannot sign in', async () => {
    const withoutDevTokens = await startLocalServer({
      host: '127.0.0.1',
      port: 0,
      sites: [{ prefix: '/addin/', root, title: 'Add-in' }],
      prepare: async () => ({ api: api.app, issuer: null }),
    });
    try {
      expect((await fetch(`${withoutDevTokens.url}/dev/token`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${withoutDevTokens.url}/dev/jwks`)).status).toBe(404);
      const index = await (await fetch(`${withoutDevTokens.url}/`)).text();
      expect(index).not.toContain('/dev/token');
      expect(index).toContain('Development tokens are off');
      expect((await fetch(`${withoutDevTokens.url}/api/health`)).status).toBe(200);
    } finally {
      await withoutDevTokens.close();
    }
  });

  it('answers HEAD on a file with its length and no body', async () => {
    const head = await rawRequest(server.url, 'HEAD', '/addin/app.js');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("task pane");'.length));
    expect(head.text).toBe('');
  });

  it('serves nothing outside the front-end roots and never fails on a malformed path', async () => {
    for (const path of ['/addin/../secret.txt', '/addin/..%2fsecret.txt', '/addin/%2e%2e/secret.txt', '/addin/%ZZ', '/addin/%']) {
      const response = await rawRequest(server.url, 'GET', path);
      expect([400, 404], path).toContain(response.status);
      expect(response.text).not.toContain('outside the root');
    }
  });

  it('passes /api through to the API app, malformed paths and wrong methods included', async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const malformed = await rawRequest(server.url, 'GET', '/api/accounts/%ZZ', { headers: { authorization: `Bearer ${token}` } });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).detail).toContain('/api/accounts/%ZZ');
    const wrong = await fetch(`${server.url}/api/health`, { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
  });

  it('keeps the development sign-in on the local host: the API app itself has no such routes', async () => {
    const jwks = await fetch(`${server.url}/dev/jwks`);
    expect((await jwks.json()).keys).toHaveLength(1);
    expect((await fetch(`${server.url}/dev/token`, { method: 'POST' })).status).toBe(200);
    expect((await api.app.request('/dev/jwks')).status).toBe(404);
    expect((await api.app.request('/dev/token', { method: 'POST' })).status).toBe(404);
  });

  it('answers a chunked upload over 1 MiB with a 413 problem instead of resetting the connection', async () => {
    const response = await rawRequest(server.url, 'POST', '/api/accounts', {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      streamBytes: 4 * MAX_BODY_BYTES,
    });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.text)).toMatchObject({ status: 413, detail: expect.stringContaining('1 MiB') });
  });
});
