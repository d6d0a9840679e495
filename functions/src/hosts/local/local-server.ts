// The local host: the API app, development sign-in (when on) and the built front-ends, served by @hono/node-server.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { DevTokenIssuer } from '../../core/auth/dev-token-issuer';
import { logUnexpected } from '../../core/http/endpoint-handler';
import { problemFromError } from '../../core/http/problem';
import { securityHeaders, type PagePolicyOptions } from '../../core/http/security-headers';
import { devJwks, issueDevToken } from './dev-token-route';
import { renderIndexPage } from './index-page';

export interface StaticSite {
  /** URL prefix such as "/addin/". */
  prefix: string;
  root: string;
  title: string;
}

export interface LocalServerOptions {
  host: string;
  port: number;
  sites: readonly StaticSite[];
  /** A PNG the browser gets for /favicon.ico, which it asks for on every page without an icon of its own. */
  favicon?: string;
  /** What the pages' Content-Security-Policy must allow beyond the defaults (e.g. a national cloud's sign-in). */
  pagePolicy?: PagePolicyOptions;
  /**
   * Called once the port is known, since token issuer URLs contain it; requests wait until it resolves.
   * Without an issuer there are no /dev routes at all.
   */
  prepare(baseUrl: string): Promise<{ api: Hono; issuer: DevTokenIssuer | null }>;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** HTML must be revalidated so a rebuilt front-end shows up at once; other assets may be cached briefly. */
const frontEndHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.status >= 300) return;
  c.res.headers.set('cache-control', c.res.headers.get('content-type')?.startsWith('text/html') ? 'no-cache' : 'public, max-age=60');
};

/** The development routes live only here, on a wrapper around the API app, so no other host can expose them. */
function localApp(api: Hono, issuer: DevTokenIssuer | null, options: LocalServerOptions, baseUrl: string): Hono {
  const { sites } = options;
  const app = new Hono();
  app.use(securityHeaders(options.pagePolicy));
  app.all('/api/*', (c) => api.fetch(c.req.raw));
  if (issuer) {
    app.get('/dev/jwks', () => devJwks(issuer));
    app.post('/dev/token', (c) => issueDevToken(issuer, c.req.raw));
  }
  app.get('/', (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(renderIndexPage(sites, baseUrl, issuer !== null));
  });
  if (options.favicon) app.get('/favicon.ico', frontEndHeaders, serveStatic({ path: options.favicon }));
  for (const site of sites) {
    app.get(site.prefix.slice(0, -1), (c) => c.redirect(site.prefix, 308));
    app.use(
      `${site.prefix}*`,
      frontEndHeaders,
      // serveStatic refuses "..", encoded separators and any other "%" escape (a 404), so nothing outside the root is reachable.
      serveStatic({ root: site.root, rewriteRequestPath: (path) => path.slice(site.prefix.length - 1) }),
    );
  }
  app.notFound((c) => c.text('Not found', 404));
  app.onError((error) => {
    const instance = randomUUID();
    return problemFromError(error, instance, logUnexpected(instance));
  });
  return app;
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  let resolveReady!: (app: Hono) => void;
  const ready = new Promise<Hono>((resolve) => (resolveReady = resolve));
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: async (request) => (await ready).fetch(request), hostname: options.host, port: options.port }, () =>
      resolve(started as Server),
    );
    started.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${options.host}:${port}`;
  try {
    const prepared = await options.prepare(baseUrl);
    resolveReady(localApp(prepared.api, prepared.issuer, options, baseUrl));
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
