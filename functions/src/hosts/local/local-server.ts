// The local host: the API app, development sign-in and the built front-ends on 127.0.0.1, served by @hono/node-server.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { DevTokenIssuer } from '../../core/auth/dev-token-issuer';
import { logUnexpected } from '../../core/http/endpoint-handler';
import { problemFromError } from '../../core/http/problem';
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
  /** Called once the port is known, since token issuer URLs contain it; requests wait until it resolves. */
  prepare(baseUrl: string): Promise<{ api: Hono; issuer: DevTokenIssuer }>;
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
  c.res.headers.set('x-content-type-options', 'nosniff');
};

/** The development routes live only here, on a wrapper around the API app, so no other host can expose them. */
function localApp(api: Hono, issuer: DevTokenIssuer, sites: readonly StaticSite[], baseUrl: string): Hono {
  const app = new Hono();
  app.all('/api/*', (c) => api.fetch(c.req.raw));
  app.get('/dev/jwks', () => devJwks(issuer));
  app.post('/dev/token', (c) => issueDevToken(issuer, c.req.raw));
  app.get('/', (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(renderIndexPage(sites, baseUrl));
  });
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
    resolveReady(localApp(prepared.api, prepared.issuer, options.sites, baseUrl));
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
