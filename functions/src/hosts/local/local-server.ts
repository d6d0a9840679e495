// The local Functions host: serves the registration table, development sign-in and the front-ends on 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import funcs from '@azure/functions';
import type { DevTokenIssuer } from '../../core/auth/dev-token-issuer';
import { problemFromError, problemResponse } from '../../core/http/problem';
import type { HttpRoute } from '../../app/routes';
import { devJwks, issueDevToken } from './dev-token-route';
import { invoke, writeResponse } from './node-adapter';
import { createRouteMatcher } from './route-matcher';
import { serveStatic } from './static-files';
import { renderIndexPage } from './index-page';

const { HttpRequest } = funcs;

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
  prepare(baseUrl: string): Promise<{ routes: readonly HttpRoute[]; issuer: DevTokenIssuer }>;
}

export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

async function readSmallBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  let baseUrl = '';
  let resolveReady!: (value: { match: ReturnType<typeof createRouteMatcher>; issuer: DevTokenIssuer }) => void;
  const ready = new Promise<{ match: ReturnType<typeof createRouteMatcher>; issuer: DevTokenIssuer }>((resolve) => (resolveReady = resolve));

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const { match, issuer } = await ready;
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    const found = match(method, url.pathname);
    if (found.kind === 'found') return invoke(found.route.handler, found.route.name, found.params, request, response, baseUrl);
    if (found.kind === 'wrong-method') {
      return writeResponse(
        response,
        problemResponse(405, `${method} is not supported here; use ${found.allowed.join(' or ')}.`, { headers: { allow: found.allowed.join(', ') } }),
      );
    }
    if (url.pathname === '/dev/jwks' && method === 'GET') return writeResponse(response, devJwks(issuer));
    if (url.pathname === '/dev/token' && method === 'POST') {
      const body = await readSmallBody(request);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      const init = { method, url: url.toString(), headers, ...(body.length > 0 ? { body: { bytes: body } } : {}) };
      return writeResponse(response, await issueDevToken(issuer, new HttpRequest(init)));
    }
    if (url.pathname.startsWith('/api/'))
      return writeResponse(response, problemResponse(404, `There is no API endpoint ${url.pathname}; see /api/openapi.json.`));
    if (method === 'GET' || method === 'HEAD') {
      if (url.pathname === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        return void response.end(renderIndexPage(options.sites, baseUrl));
      }
      for (const site of options.sites) {
        if (url.pathname === site.prefix.slice(0, -1)) {
          response.writeHead(308, { location: site.prefix });
          return void response.end();
        }
        if (url.pathname.startsWith(site.prefix) && (await serveStatic(site.root, url.pathname.slice(site.prefix.length), response))) return;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      writeResponse(
        response,
        problemFromError(error, 'local-host', (message, cause) => console.error(message, cause)),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${options.host}:${port}`;
  try {
    const prepared = await options.prepare(baseUrl);
    resolveReady({ match: createRouteMatcher(prepared.routes), issuer: prepared.issuer });
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
