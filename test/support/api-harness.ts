// Calls the HTTP handlers in-process, exactly as the Functions host would, with development tokens.
import funcs from '@azure/functions';
import { createLocalJWKSet } from 'jose';
import { endpointByName, type AppRole } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { createActorResolver } from '../../functions/src/core/auth/actor-resolver';
import { createDevTokenIssuer, DEV_AUDIENCE, type DevTokenIssuer } from '../../functions/src/core/auth/dev-token-issuer';
import { createTokenValidator } from '../../functions/src/core/auth/token-validator';
import { buildHttpRoutes } from '../../functions/src/app/routes';
import { createRouteMatcher } from '../../functions/src/hosts/local/route-matcher';
import type { Db } from '../../functions/src/core/db/db';
import type { SyncService } from '../../functions/src/features/sync/sync-engine';

const { HttpRequest, InvocationContext } = funcs;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is, for malformed or oversized bodies. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export interface Identity {
  tenantId: string;
  userId: string;
  name?: string;
  email?: string;
  roles?: AppRole[];
}

export interface ApiHarness {
  issuer: DevTokenIssuer;
  token(identity: Identity, lifetimeSeconds?: number): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
}

export async function createApiHarness(db: Db, options: { allowedTenants?: '*' | string[]; sync?: SyncService } = {}): Promise<ApiHarness> {
  const issuer = await createDevTokenIssuer('https://crm.test');
  const authenticate = createTokenValidator([
    { issuerTemplate: issuer.issuerTemplate, keys: createLocalJWKSet(issuer.jwks), audiences: [DEV_AUDIENCE], allowedTenants: options.allowedTenants ?? '*' },
  ]);
  const routes = buildHttpRoutes({ db: async () => db, authenticate, resolveActor: createActorResolver(), version: 'test', sync: options.sync });
  const match = createRouteMatcher(routes);

  return {
    issuer,
    token: (identity, lifetimeSeconds) =>
      issuer.issue(
        {
          tenantId: identity.tenantId,
          userId: identity.userId,
          name: identity.name ?? 'Test User',
          email: identity.email ?? `${identity.userId.slice(0, 8)}@example.test`,
          roles: identity.roles ?? ['CRM.User'],
        },
        lifetimeSeconds,
      ),
    async call(method, path, callOptions = {}) {
      const url = new URL(path, 'https://crm.test');
      const found = match(method, url.pathname);
      if (found.kind !== 'found') throw new Error(`no route for ${method} ${url.pathname}`);
      const headers: Record<string, string> = { ...callOptions.headers };
      if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
      let body: { string?: string; bytes?: Uint8Array } | undefined;
      if (callOptions.rawBody !== undefined) {
        body = typeof callOptions.rawBody === 'string' ? { string: callOptions.rawBody } : { bytes: callOptions.rawBody };
      } else if (callOptions.body !== undefined) {
        body = { string: JSON.stringify(callOptions.body) };
        headers['content-type'] ??= 'application/json';
      }
      const request = new HttpRequest({ method, url: url.toString(), headers, params: found.params, ...(body ? { body } : {}) });
      const response = await found.route.handler(
        request,
        new InvocationContext({
          invocationId: randomUUID(),
          functionName: found.route.name,
          logHandler: (level, ...args) => void (level === 'error' && console.error(...args)),
        }),
      );
      const text = typeof response.body === 'string' ? response.body : '';
      const type = new Headers(response.headers as Record<string, string>).get('content-type') ?? '';
      const parsed = text && type.includes('json') ? JSON.parse(text) : undefined;
      // Every successful answer must match the shared contract the clients are typed by.
      const contract = endpointByName.get(found.route.name)?.response;
      const status = response.status ?? 200;
      if (contract && status < 300) {
        const check = contract.safeParse(parsed);
        if (!check.success) throw new Error(`${method} ${path} answered outside its contract: ${check.error.message}`);
      }
      return {
        status,
        headers: new Headers(response.headers as Record<string, string>),
        text,
        body: parsed,
      };
    },
  };
}
