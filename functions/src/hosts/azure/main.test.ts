// The Azure entry: the bundle registers one catch-all HTTP function and the timers, and that function answers like the app.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import funcs, { type HttpFunctionOptions } from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const functionsDir = fileURLToPath(new URL('../../../', import.meta.url));
const { HttpRequest, InvocationContext } = funcs;

describe('Azure Functions entry point', () => {
  it('bundles and registers one catch-all HTTP function (so no development routes) and the timers', () => {
    const dir = mkdtempSync(join(functionsDir, 'dist-test-'));
    try {
      const outfile = join(dir, 'main.js');
      execFileSync(process.execPath, ['build.mjs', outfile], { cwd: functionsDir, stdio: 'pipe' });
      // Outside the Functions runtime the library runs in test mode and reports each registration it skips.
      const run = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(outfile)})`], {
        cwd: functionsDir,
        env: { ...process.env, DATABASE_URL: 'postgres://unused@127.0.0.1:1/none' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      const registered = [...`${run.stdout}${run.stderr}`.matchAll(/register function "([^"]+)"/g)].map((m) => m[1]);
      expect(registered.sort()).toEqual(['activityNotifications', 'api', 'automationRules', 'caseEscalation', 'graphSubscriptions', 'graphSync', 'insightRefresh', 'insightSnapshots', 'privacyRetention', 'webhookDelivery']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the registered catch-all, called in-process', () => {
    const registered = new Map<string, HttpFunctionOptions>();
    const previousUrl = process.env.DATABASE_URL;
    beforeAll(async () => {
      vi.spyOn(funcs.app, 'http').mockImplementation((name, options) => void registered.set(name, options));
      vi.spyOn(funcs.app, 'timer').mockImplementation(() => undefined);
      // Nothing listens on port 1: these requests must be answered without a database, or fail as a problem.
      process.env.DATABASE_URL = 'postgres://unused@127.0.0.1:1/none';
      await import('./main');
    });
    afterAll(() => {
      vi.restoreAllMocks();
      if (previousUrl === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previousUrl;
    });
    const call = async (method: string, path: string) => {
      const response = await registered.get('api')!.handler(new HttpRequest({ method, url: `http://localhost:7071${path}` }), new InvocationContext());
      const headers = new Headers(response.headers as Record<string, string>);
      const text = response.body instanceof Uint8Array ? new TextDecoder().decode(response.body) : '';
      return { status: response.status, headers, body: text ? JSON.parse(text) : undefined };
    };

    it('takes every method on every path below the route prefix, anonymously (the app authenticates)', () => {
      expect([...registered.keys()]).toEqual(['api']);
      expect(registered.get('api')).toMatchObject({ route: '{*path}', authLevel: 'anonymous' });
      expect(registered.get('api')!.methods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']));
    });

    it('answers an unknown path with the 404 problem and a wrong method with 405 and Allow', async () => {
      const missing = await call('GET', '/api/nothing-here');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(missing.body).toMatchObject({ status: 404, detail: expect.stringContaining('/api/nothing-here') });
      const wrong = await call('DELETE', '/api/health');
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    });

    it('sends nosniff on every answer, errors included, as the shared header policy sets it', async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        for (const [method, path] of [
          ['GET', '/api/nothing-here'],
          ['DELETE', '/api/health'],
          ['GET', '/api/accounts'],
          ['GET', '/api/health'],
        ] as const) {
          expect((await call(method, path)).headers.get('x-content-type-options'), `${method} ${path}`).toBe('nosniff');
        }
      } finally {
        log.mockRestore();
      }
    });

    it('turns an unreachable database into a logged 500 problem, not a crash', async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const health = await call('GET', '/api/health');
        expect(health.status).toBe(500);
        expect(health.body).toMatchObject({ status: 500, instance: expect.stringMatching(/^urn:invocation:/) });
        expect(log).toHaveBeenCalledWith(expect.stringContaining(health.body.instance.replace('urn:invocation:', '')), expect.anything());
      } finally {
        log.mockRestore();
      }
    });
  });
});
