// Validates bearer JWTs: RS256 signature via JWKS, issuer per tenant, audience, expiry, tid, oid, scope and app roles.
import { AppRole } from '@crm/common';
import { decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { forbidden, keysUnavailable, unauthenticated, type Principal } from './principal';

export const API_SCOPE = 'access_as_user';

/**
 * One issuer the API trusts. Entra ID v2 issues per tenant (https://login.microsoftonline.com/{tenantid}/v2.0);
 * the local host's development issuer follows the same template so both take the same path.
 */
export interface TrustedIssuer {
  /** Issuer with the literal placeholder {tenantid}. */
  issuerTemplate: string;
  keys: JWTVerifyGetKey;
  audiences: string[];
  allowedTenants: '*' | readonly string[];
}

export interface TokenValidatorOptions {
  clockToleranceSeconds?: number;
  /** Verified tokens are remembered until they expire, so a signature is checked once, not per call. */
  cacheSize?: number;
  now?: () => number;
}

/**
 * Entra ID signs access tokens with RS256 and the development issuer does too. Without this list jose takes the algorithm
 * from the token's own header and only checks that the key can do it, so any key in the set, of whatever type, would do.
 */
const ALGORITHMS = ['RS256'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const templateRegex = (template: string) =>
  new RegExp(
    `^${template
      .split('{tenantid}')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('([0-9a-fA-F-]{36})')}$`,
  );

export type TokenValidator = (authorization: string | null) => Promise<Principal & { expiresAt: number }>;

function principalOf(payload: JWTPayload): Principal {
  const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
  const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
  if (!GUID.test(tid)) throw unauthenticated('the token has no tenant id (tid)');
  if (!GUID.test(oid)) throw unauthenticated('the token has no user object id (oid)');
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(API_SCOPE)) throw forbidden(`the token lacks the delegated scope ${API_SCOPE}`);
  const roles = (Array.isArray(payload.roles) ? payload.roles : []).filter((r): r is AppRole => AppRole.safeParse(r).success);
  if (roles.length === 0) {
    throw forbidden(`no CRM role is assigned to this user; an administrator must assign one of ${AppRole.options.join(', ')}`);
  }
  const name = typeof payload.name === 'string' ? payload.name : '';
  const email = typeof payload.preferred_username === 'string' ? payload.preferred_username : typeof payload.email === 'string' ? payload.email : null;
  return { tenantId: tid, oid, displayName: name || email || oid, email: email?.toLowerCase() ?? null, roles };
}

export function createTokenValidator(issuers: readonly TrustedIssuer[], options: TokenValidatorOptions = {}): TokenValidator {
  const tolerance = options.clockToleranceSeconds ?? 120;
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? Date.now;
  const matchers = issuers.map((issuer) => ({ issuer, pattern: templateRegex(issuer.issuerTemplate) }));
  const verified = new Map<string, Principal & { expiresAt: number }>();

  return async (authorization) => {
    const match = authorization?.match(/^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i);
    if (!match) throw unauthenticated('send an Authorization: Bearer <token> header');
    const token = match[1]!;

    const cached = verified.get(token);
    if (cached) {
      if (cached.expiresAt + tolerance * 1000 > now()) return cached;
      verified.delete(token);
    }

    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch {
      throw unauthenticated('the bearer token is not a JWT');
    }
    // The issuer picks the trust (keys, audience); verification below then re-checks it with those keys.
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    const found = matchers.map((m) => ({ ...m, tenant: iss.match(m.pattern)?.[1]?.toLowerCase() })).find((m) => m.tenant);
    if (!found) throw unauthenticated('the token was issued by an issuer this API does not trust');
    const { issuer } = found;
    const tenant = found.tenant!;

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, issuer.keys, {
        algorithms: ALGORITHMS,
        issuer: iss,
        audience: issuer.audiences,
        clockTolerance: tolerance,
        requiredClaims: ['exp', 'tid', 'oid'],
        currentDate: new Date(now()),
      }));
    } catch (error) {
      if (error instanceof errors.JWKSTimeout || error instanceof TypeError) throw keysUnavailable();
      if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired; sign in again');
      if (error instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`the token's ${error.claim} claim is not valid for this API`);
      if (error instanceof errors.JWKSNoMatchingKey) throw unauthenticated('the token was signed with an unknown key');
      if (error instanceof errors.JOSEError) throw unauthenticated(`the token is not valid (${error.code})`);
      throw error;
    }
    if (String(payload.tid).toLowerCase() !== tenant) throw unauthenticated('the token tid does not match its issuer');
    // Only after the signature: before it, anyone could learn from a 403 or a 401 which tenant ids are allowed.
    if (issuer.allowedTenants !== '*' && !issuer.allowedTenants.includes(tenant)) {
      throw forbidden('your organisation (tenant) is not allowed to use this CRM');
    }

    const principal = { ...principalOf(payload), expiresAt: Number(payload.exp) * 1000 };
    if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
    verified.set(token, principal);
    return principal;
  };
}
