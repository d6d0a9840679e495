// Calls the API app in-process with app.request(), the same fetch(Request) -> Response both hosts serve, with development tokens.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { createLocalJWKSet } from 'jose';
import { expect } from 'vitest';
import { endpoints, type AppRole, type Endpoint } from '@crm/common';
import type { ApiAppOptions } from '../../functions/src/core/http/api-app';
import { createActorResolver } from '../../functions/src/core/auth/actor-resolver';
import { createDevTokenIssuer, DEV_AUDIENCE, type DevTokenIssuer } from '../../functions/src/core/auth/dev-token-issuer';
import { createTokenValidator } from '../../functions/src/core/auth/token-validator';
import { buildApiApp } from '../../functions/src/app/routes';
import type { Db } from '../../functions/src/core/db/db';
import type { SyncService } from '../../functions/src/features/sync/sync-engine';
import type { BotService } from '../../functions/src/features/teams-bot';

/** The endpoint a request reaches, so a successful answer can be checked against its contract. */
const templates = endpoints.map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^/api/${endpoint.path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
}));
const endpointOf = (method: string, pathname: string): Endpoint | undefined =>
  templates.find((t) => t.endpoint.method === method && t.pattern.test(pathname))?.endpoint;

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON that tests read freely; the contract check in call() and each test's assertions give it its shape. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- typing every test's reads would restate the contracts
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
  /** The app itself, for driving it through a host's adapter. */
  app: Hono;
  issuer: DevTokenIssuer;
  token(identity: Identity, lifetimeSeconds?: number): Promise<string>;
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>;
}

export async function createApiHarness(
  db: Db,
  options: { allowedTenants?: '*' | string[]; sync?: SyncService; corsOrigins?: ApiAppOptions['corsOrigins']; bot?: BotService } = {},
): Promise<ApiHarness> {
  const issuer = await createDevTokenIssuer('https://crm.test');
  const authenticate = createTokenValidator([
    { issuerTemplate: issuer.issuerTemplate, keys: createLocalJWKSet(issuer.jwks), audiences: [DEV_AUDIENCE], allowedTenants: options.allowedTenants ?? '*' },
  ]);
  const app = buildApiApp(
    { db: async () => db, authenticate, resolveActor: createActorResolver(), version: 'test', sync: options.sync, bot: options.bot },
    { corsOrigins: options.corsOrigins },
  );

  return {
    app,
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
      const headers: Record<string, string> = { ...callOptions.headers };
      if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
      let body: string | Uint8Array<ArrayBuffer> | undefined;
      if (callOptions.rawBody !== undefined) {
        body = typeof callOptions.rawBody === 'string' ? callOptions.rawBody : new Uint8Array(callOptions.rawBody);
      } else if (callOptions.body !== undefined) {
        body = JSON.stringify(callOptions.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await app.request(url.toString(), { method, headers, ...(body !== undefined ? { body } : {}) });
      // As a browser does: a body sent compressed is read decompressed.
      const bytes = Buffer.from(await response.arrayBuffer());
      const coding = response.headers.get('content-encoding');
      const text = (coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
      const type = response.headers.get('content-type') ?? '';
      const parsed = text && type.includes('json') ? JSON.parse(text) : undefined;
      // Every successful answer must match the shared contract the clients are typed by.
      const contract = endpointOf(method, url.pathname)?.response;
      if (contract && response.status < 300) {
        const check = contract.safeParse(parsed);
        if (!check.success) throw new Error(`${method} ${path} answered outside its contract: ${check.error.message}`);
      }
      return { status: response.status, headers: response.headers, text, body: parsed };
    },
  };
}

/** Calls as the holder of `token`, with If-Match when given; reads the harness at call time (suites make it in beforeAll). */
export const callAs =
  (api: () => ApiHarness) =>
  (token: string, method: string, path: string, body?: unknown, ifMatch?: string): Promise<ApiResponse> =>
    api().call(method, path, { token, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });

/** POSTs as `token`, expects 201 (the answer's text in the failure), and answers the created record. */
export const createAs =
  (api: () => ApiHarness) =>
  async <T = { id: string; etag: string } & Record<string, unknown>>(token: string, path: string, body: unknown): Promise<T> => {
    const response = await callAs(api)(token, 'POST', path, body);
    expect(response.status, response.text).toBe(201);
    return response.body as T;
  };
