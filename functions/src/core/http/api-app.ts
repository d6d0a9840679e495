// The API as one web-standard app, fetch(Request) -> Response, built from the endpoint catalogue; every host serves this.
import { randomUUID } from 'node:crypto';
import type { Endpoint } from '@crm/common';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { endpointHandler, logUnexpected, type Implementation, type Kernel } from './endpoint-handler';
import { problemFromError, problemResponse } from './problem';
import { securityHeaders } from './security-headers';

export interface ApiRoute {
  endpoint: Endpoint;
  implementation: Implementation;
}

/** A route outside the catalogue: it authenticates its callers itself (the Teams bot's /api/messages takes the Bot Connector's tokens). */
export interface RawRoute {
  method: 'POST';
  /** The full path, e.g. /api/messages. */
  path: string;
  handle(request: Request): Promise<Response>;
}

export interface ApiAppOptions {
  /** Origins (scheme://host[:port]) whose browsers may call the API cross-origin; none by default, so only same-origin pages can. */
  corsOrigins?: readonly string[];
  rawRoutes?: readonly RawRoute[];
}

/** The catalogue writes paths as Azure Functions did ("accounts/{id}"); Hono writes ":id". */
const honoPath = (path: string) => `/api/${path.replace(/\{(\w+)\}/g, ':$1')}`;

/**
 * Hono decodes what it can and passes the rest through, so "%ZZ" would reach validation as a literal id.
 * Refusing it here names the real fault, the URL, whatever the route.
 */
const wellFormedPath: MiddlewareHandler = async (c, next) => {
  const { pathname } = new URL(c.req.url);
  try {
    decodeURIComponent(pathname);
  } catch {
    return problemResponse(400, `The path ${pathname} contains malformed percent-encoding (a % not followed by two hex digits).`, {
      errors: [{ field: 'path', in: 'path', reason: 'contains malformed percent-encoding' }],
    });
  }
  return next();
};

const preflightHeaders = { methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], request: ['authorization', 'content-type', 'if-match'] };

/** Hono's cors middleware answers every preflight with 204; an origin nobody configured gets a problem that says why instead. */
function corsFor(origins: readonly string[]): MiddlewareHandler[] {
  const refuseUnknown: MiddlewareHandler = async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method !== 'OPTIONS' || !origin || !c.req.header('access-control-request-method') || origins.includes(origin)) return next();
    return problemResponse(403, `Cross-origin calls from ${origin} are not allowed; list the origin in CORS_ORIGINS to allow them.`, {
      headers: { vary: 'Origin' },
    });
  };
  if (origins.length === 0) return [refuseUnknown];
  return [
    refuseUnknown,
    cors({
      origin: [...origins],
      allowMethods: preflightHeaders.methods,
      allowHeaders: preflightHeaders.request,
      exposeHeaders: ['etag', 'location'],
      maxAge: 600,
    }),
  ];
}

export function createApiApp(kernel: Kernel, table: readonly ApiRoute[], options: ApiAppOptions = {}): Hono {
  // Not strict: "/api/accounts/" reaches the same endpoint as "/api/accounts", as it always has.
  const app = new Hono({ strict: false });
  app.use(securityHeaders());
  app.use('/api/*', wellFormedPath, ...corsFor(options.corsOrigins ?? []));

  const methodsByPath = new Map<string, string[]>();
  for (const { endpoint, implementation } of table) {
    const handle = endpointHandler(endpoint, implementation, kernel);
    const path = honoPath(endpoint.path);
    app.on(endpoint.method, path, (c) => handle(c.req.raw, c.req.param()));
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), endpoint.method]);
  }
  for (const route of options.rawRoutes ?? []) {
    app.on(route.method, route.path, (c) => route.handle(c.req.raw));
    methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method]);
  }
  // Registered after every endpoint, so they only answer what no endpoint took.
  for (const [path, methods] of methodsByPath) {
    const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
    app.all(path, (c) =>
      problemResponse(405, `${c.req.method} is not supported here; use ${methods.join(' or ')}.`, { headers: { allow: allowed.join(', ') } }),
    );
  }
  app.all('/api/*', (c) => problemResponse(404, `There is no API endpoint ${new URL(c.req.url).pathname}; see /api/openapi.json.`));

  // Middleware failures only: endpoint handlers turn their own errors into problems.
  app.onError((error) => {
    const instance = randomUUID();
    return problemFromError(error, instance, logUnexpected(instance));
  });
  return app;
}
