// The HTTP kernel in-process with app.request(): routing, method and path errors, HEAD, CORS and the body limit.
import type { Endpoint } from '@crm/common';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config';
import type { Db } from '../db/db';
import { createApiApp, type ApiRoute } from './api-app';
import type { Kernel } from './endpoint-handler';
import { MAX_BODY_BYTES, readJsonBody } from './request-input';

const endpoint = (name: string, method: Endpoint['method'], path: string, extra: Partial<Endpoint> = {}): Endpoint => ({
  name,
  method,
  path,
  summary: name,
  tag: 'test',
  access: 'public',
  status: 200,
  ...extra,
});

const table: ApiRoute[] = [
  {
    endpoint: endpoint('getThing', 'GET', 'things/{id}', { params: z.object({ id: z.string() }) }),
    implementation: async ({ params }) => ({ body: params, etag: '"1"' }),
  },
  { endpoint: endpoint('deleteThing', 'DELETE', 'things/{id}', { status: 204 }), implementation: async () => ({}) },
  {
    endpoint: endpoint('echo', 'POST', 'echo', { raw: true }),
    implementation: async ({ request }) => ({ body: { bytes: JSON.stringify(await readJsonBody(request)).length } }),
  },
  {
    endpoint: endpoint('unstorable', 'GET', 'unstorable'),
    implementation: async () => {
      // What pg and PGlite throw for a NUL in text that reached SQL unchecked.
      throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    },
  },
  {
    endpoint: endpoint('broken', 'GET', 'broken'),
    implementation: async () => {
      throw new Error('a bug');
    },
  },
];

const kernel: Kernel = {
  db: async () => ({ kind: 'pglite' }) as Db,
  authenticate: async () => {
    throw new Error('public endpoints only');
  },
  resolveActor: async () => {
    throw new Error('public endpoints only');
  },
};

const app = createApiApp(kernel, table, { corsOrigins: ['https://outlook.example.com'] });
const sameOriginOnly = createApiApp(kernel, table);

const problemOf = async (response: Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = await response.json();
  expect(body.status).toBe(status);
  return body as { detail: string; errors?: { field: string; in: string; reason: string }[]; instance?: string };
};

describe('API app', () => {
  it('routes a path parameter, percent-decoded, to its endpoint, with or without a trailing slash', async () => {
    const response = await app.request('/api/things/a%20b');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'a b' });
    expect((await app.request('/api/things/x/')).status).toBe(200);
  });

  it('answers malformed percent-encoding with a 400 problem naming the path, never a 500', async () => {
    for (const path of ['/api/things/%ZZ', '/api/things/%E0%A4%A', '/api/nothing/%']) {
      const body = await problemOf(await app.request(path), 400);
      expect(body.detail).toContain(path);
      expect(body.errors).toEqual([{ field: 'path', in: 'path', reason: 'contains malformed percent-encoding' }]);
    }
  });

  it('answers a method the path does not take with 405, naming the allowed ones in Allow and in the problem', async () => {
    const response = await app.request('/api/things/1', { method: 'PUT' });
    const body = await problemOf(response, 405);
    expect(response.headers.get('allow')).toBe('GET, DELETE, HEAD');
    expect(body.detail).toBe('PUT is not supported here; use GET or DELETE.');
    expect((await app.request('/api/echo')).headers.get('allow')).toBe('POST');
  });

  it('answers HEAD on a GET route with its status and headers and no body', async () => {
    const response = await app.request('/api/things/1', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe('');
  });

  it('answers an unknown /api path with the 404 problem', async () => {
    const body = await problemOf(await app.request('/api/nothing-here'), 404);
    expect(body.detail).toBe('There is no API endpoint /api/nothing-here; see /api/openapi.json.');
  });

  it('answers a CORS preflight from a configured origin and refuses any other', async () => {
    const preflight = (origin: string, target = app) =>
      target.request('/api/things/1', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://outlook.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://outlook.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');

    for (const refused of [await preflight('https://evil.example.com'), await preflight('https://outlook.example.com', sameOriginOnly)]) {
      const body = await problemOf(refused, 403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(body.detail).toContain('CORS_ORIGINS');
    }
  });

  it('lets a configured origin read the answer and its ETag, and no other origin', async () => {
    const allowed = await app.request('/api/things/1', { headers: { origin: 'https://outlook.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://outlook.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/etag/i);
    const other = await app.request('/api/things/1', { headers: { origin: 'https://evil.example.com' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a streamed body over 1 MiB with 413 without reading it to the end', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024)}",`);
    // Endless: the request can only finish if the limit stops reading.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(pulled === chunk.length ? new Uint8Array([91, ...chunk]) : chunk);
      },
    });
    const response = await app.request('/api/echo', { method: 'POST', body, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    const problem = await problemOf(response, 413);
    expect(problem.detail).toContain(String(MAX_BODY_BYTES));
    expect(pulled).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.length);
  });

  it('accepts a body just under the limit', async () => {
    const text = JSON.stringify('x'.repeat(MAX_BODY_BYTES - 10));
    const response = await app.request('/api/echo', { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: text.length });
  });

  it('answers text the database refused as a 400, not a 500, without logging it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const body = await problemOf(await app.request('/api/unstorable'), 400);
      expect(body.detail).toMatch(/NUL character/);
      expect(log).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('turns an unexpected error into a 500 problem naming the invocation that was logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const body = await problemOf(await app.request('/api/broken'), 500);
      const instance = body.instance?.replace('urn:invocation:', '');
      expect(instance).toMatch(/^[0-9a-f-]{36}$/);
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining(instance!),
        expect.objectContaining({ name: 'Error', where: expect.stringContaining('api-app.test') }),
      );
      // The message may quote personal data from a row; it never reaches the log.
      expect(log.mock.calls.flat().some((arg) => arg instanceof Error)).toBe(false);
      expect(JSON.stringify(log.mock.calls)).not.toContain('a bug');
    } finally {
      log.mockRestore();
    }
  });
});

describe('CORS_ORIGINS', () => {
  it('lists origins, none by default, and refuses anything that is not an origin', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://crm.contoso.example, http://localhost:3000' }).corsOrigins).toEqual([
      'https://crm.contoso.example',
      'http://localhost:3000',
    ]);
    for (const bad of ['https://crm.contoso.example/', 'crm.contoso.example', '*']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS: must be a comma-separated list of origins/);
    }
  });
});
