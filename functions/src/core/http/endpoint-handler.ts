// Turns one catalogue entry plus its implementation into a web-standard handler: auth, validation, errors, ETags.
import { randomUUID } from 'node:crypto';
import type { Endpoint } from '@crm/common';
import { requireAccess } from '../auth/access';
import type { ActorResolver } from '../auth/actor-resolver';
import type { TokenValidator } from '../auth/token-validator';
import type { Actor } from '../actor';
import type { Db } from '../db/db';
import { translatePgError } from '../db/pg-errors';
import { problemFromError } from './problem';
import { negotiateMediaType } from './negotiation';
import { expectedVersion, queryObject, readJsonBody, validate } from './request-input';
import { redactedError } from '../redacted-error';

export interface Call {
  db: Db;
  actor: Actor | null;
  params: unknown;
  query: unknown;
  body: unknown;
  /** The version If-Match named, for endpoints that require it. */
  version: number;
  /** The media type to answer in: application/json, or one the endpoint's `produces` offers and the client asked for. */
  mediaType: string;
  request: Request;
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
/** Path parameters arrive already matched and percent-decoded by the router. */
export type EndpointHandler = (request: Request, params: Record<string, string>) => Promise<Response>;

function respond(endpoint: Endpoint, reply: Reply): Response {
  const status = reply.status ?? endpoint.status;
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
  if (reply.etag) headers.etag = reply.etag;
  if (reply.location) headers.location = reply.location;
  if (reply.body === undefined) return new Response(null, { status, headers });
  // A rendered document (PDF) streams as it is produced; its implementation names the content type.
  if (reply.body instanceof ReadableStream) return new Response(reply.body, { status, headers });
  // Bytes go as they are: an answer held encoded (its implementation names the content type and coding).
  if (reply.body instanceof Uint8Array) return new Response(reply.body as Uint8Array<ArrayBuffer>, { status, headers });
  if (!headers['content-type']) headers['content-type'] = 'application/json; charset=utf-8';
  return new Response(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), { status, headers });
}

/** The problem of a 500 names this id, and the log line carries it, so a user's report leads to the stack trace. */
export const logUnexpected = (instance: string) => (message: string, cause: unknown) =>
  console.error(`${message} (invocation ${instance})`, redactedError(cause));

export function endpointHandler(endpoint: Endpoint, implementation: Implementation, kernel: Kernel): EndpointHandler {
  return async (request, rawParams) => {
    try {
      let actor: Actor | null = null;
      const db = await kernel.db();
      if (endpoint.access !== 'public') {
        const principal = await kernel.authenticate(request.headers.get('authorization'));
        requireAccess(principal.roles, endpoint.access);
        actor = await kernel.resolveActor(db, principal);
      }
      const params = endpoint.params ? validate(endpoint.params, rawParams, 'path') : {};
      const query = endpoint.query ? validate(endpoint.query, queryObject(request.url), 'query') : {};
      const version = endpoint.ifMatch ? expectedVersion(request) : 0;
      const mediaType = endpoint.produces
        ? negotiateMediaType(request.headers.get('accept'), endpoint.produces, (query as { format?: string }).format)
        : 'application/json';
      const body = endpoint.body && !endpoint.raw ? validate(endpoint.body, await readJsonBody(request), 'body') : undefined;
      return respond(endpoint, await implementation({ db, actor, params, query, body, version, mediaType, request }));
    } catch (error) {
      const instance = randomUUID();
      // Reads run outside inTransaction, so their database errors are translated here.
      return problemFromError(translatePgError(error), instance, logUnexpected(instance));
    }
  };
}
