// The Entra ID side: client-credentials token endpoint and the discovery documents @azure/msal-node reads before it asks for a token.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphError, readBody, sendJson } from './http-util';

export interface ClientCredential {
  clientId: string;
  clientSecret: string;
}

export interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

export type TokenCheck = 'ok' | 'missing' | 'unknown' | 'expired';

export class TokenIssuer {
  readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly now: () => number,
  ) {}

  issue(clientId: string): { token: string; expiresIn: number } {
    const token = `fake.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { clientId, expiresAt: this.now() + this.lifetimeSeconds * 1000 });
    return { token, expiresIn: this.lifetimeSeconds };
  }

  private lookup(authorization: string | undefined): IssuedToken | null | undefined {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    return match ? this.tokens.get(match[1]!.trim()) : null;
  }

  check(authorization: string | undefined): TokenCheck {
    const issued = this.lookup(authorization);
    if (issued === null) return 'missing';
    if (!issued) return 'unknown';
    return issued.expiresAt > this.now() ? 'ok' : 'expired';
  }

  /** The app a valid Authorization header belongs to; Graph records it as the subscription's applicationId. */
  clientIdOf(authorization: string | undefined): string {
    return this.lookup(authorization)?.clientId ?? '';
  }

  /** Tests use this to make every issued token fail, as after a secret rotation. */
  revokeAll(): void {
    this.tokens.clear();
  }
}

export interface AuthContext {
  origin: string;
  tenantId: string;
  issuer: TokenIssuer;
  /** When empty, any client id with a non-empty secret or assertion is accepted. */
  clients: ClientCredential[];
}

const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
  sendJson(res, status, { error, error_description: description, error_codes: [], timestamp: new Date().toISOString() });

function openIdConfiguration(origin: string, tenant: string): Record<string, unknown> {
  const base = `${origin}/${tenant}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
    issuer: `${origin}/${tenant}/v2.0`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'EU',
    cloud_instance_name: new URL(origin).host,
  };
}

/** Returns false when the path is not an identity-platform path, so the caller routes it to the Graph API. */
export async function handleAuth(req: IncomingMessage, res: ServerResponse, path: string, ctx: AuthContext): Promise<boolean> {
  const host = new URL(ctx.origin).host;
  if (path === '/common/discovery/instance') {
    sendJson(res, 200, {
      tenant_discovery_endpoint: `${ctx.origin}/${ctx.tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
    return true;
  }
  const m = /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token|discovery\/v2\.0\/keys)$/.exec(path);
  if (!m) return false;
  const [, tenant, what] = m as unknown as [string, string, string];
  if (![ctx.tenantId, 'common', 'organizations'].includes(tenant)) {
    oauthError(res, 400, 'invalid_tenant', `AADSTS90002: Tenant '${tenant}' not found.`);
    return true;
  }
  if (what.startsWith('discovery')) sendJson(res, 200, { keys: [] });
  else if (what.startsWith('v2.0')) sendJson(res, 200, openIdConfiguration(ctx.origin, tenant));
  else if (req.method !== 'POST') throw new GraphError(405, 'MethodNotAllowed', 'The token endpoint accepts POST only.');
  else await issueToken(req, res, ctx);
  return true;
}

async function issueToken(req: IncomingMessage, res: ServerResponse, ctx: AuthContext): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
  const [basicId, basicSecret] = basic ? Buffer.from(basic[1]!, 'base64').toString('utf8').split(':') : [];
  const clientId = form.get('client_id') ?? basicId ?? '';
  const secret = form.get('client_secret') ?? basicSecret ?? '';
  const assertion = form.get('client_assertion') ?? '';
  if (form.get('grant_type') !== 'client_credentials')
    return oauthError(res, 400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type.');
  if (!(form.get('scope') ?? '').split(' ').some((s) => s.endsWith('/.default')))
    return oauthError(
      res,
      400,
      'invalid_scope',
      'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
    );
  const known =
    ctx.clients.length === 0
      ? clientId !== '' && (secret !== '' || assertion !== '')
      : ctx.clients.some((c) => c.clientId === clientId && c.clientSecret === secret);
  if (!known) return oauthError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
  const { token, expiresIn } = ctx.issuer.issue(clientId);
  sendJson(res, 200, { token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: token });
}
