// Turns one catalogue entry plus its implementation into an HTTP handler: auth, validation, errors, ETags.
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { Endpoint } from '@crm/common';
import { requireAccess } from '../auth/access';
import type { ActorResolver } from '../auth/actor-resolver';
import type { TokenValidator } from '../auth/token-validator';
import type { Actor } from '../actor';
import type { Db } from '../db/db';
import { problemFromError } from './problem';
import { expectedVersion, queryObject, readJsonBody, validate } from './request-input';

export interface Call {
  db: Db;
  actor: Actor | null;
  params: unknown;
  query: unknown;
  body: unknown;
  /** The version If-Match named, for endpoints that require it. */
  version: number;
  request: HttpRequest;
}

/** What the kernel needs from the composition root to run an endpoint: the database and who is calling. */
export interface Kernel {
  /** Resolves once the database is open and migrated; hosts open it lazily or up front. */
  db(): Promise<Db>;
  authenticate: TokenValidator;
  resolveActor: ActorResolver;
}

export interface Reply {
  status?: number;
  body?: unknown;
  etag?: string;
  location?: string;
  headers?: Record<string, string>;
}

export type Implementation = (call: Call) => Promise<Reply>;
export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

function respond(endpoint: Endpoint, reply: Reply): HttpResponseInit {
  const status = reply.status ?? endpoint.status;
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.etag) headers.etag = reply.etag;
  if (reply.location) headers.location = reply.location;
  if (reply.body === undefined) return { status, headers };
  if (!headers['content-type']) headers['content-type'] = 'application/json; charset=utf-8';
  return { status, headers, body: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body) };
}

export function endpointHandler(endpoint: Endpoint, implementation: Implementation, services: Kernel): HttpHandler {
  return async (request, context) => {
    try {
      let actor: Actor | null = null;
      const db = await services.db();
      if (endpoint.access !== 'public') {
        const principal = await services.authenticate(request.headers.get('authorization'));
        requireAccess(principal.roles, endpoint.access);
        actor = await services.resolveActor(db, principal);
      }
      const params = endpoint.params ? validate(endpoint.params, request.params, 'path') : {};
      const query = endpoint.query ? validate(endpoint.query, queryObject(request.url), 'query') : {};
      const version = endpoint.ifMatch ? expectedVersion(request) : 0;
      const body = endpoint.body && !endpoint.raw ? validate(endpoint.body, await readJsonBody(request), 'body') : undefined;
      return respond(endpoint, await implementation({ db, actor, params, query, body, version, request }));
    } catch (error) {
      return problemFromError(error, context.invocationId, (message, cause) => context.error(message, cause));
    }
  };
}
