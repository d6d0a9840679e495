// Development tokens for the local host only: a key made at start, served as JWKS, same claims as Entra ID v2.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import type { AppRole } from '@crm/common';
import { API_SCOPE } from './token-validator';

export const DEV_AUDIENCE = 'api://crm-local-dev';

export interface DevTokenClaims {
  tenantId: string;
  /** The user's Entra object id. */
  userId: string;
  name: string;
  email: string;
  roles: AppRole[];
}

export interface DevTokenIssuer {
  /** Issuer with {tenantid}, for the validator. */
  issuerTemplate: string;
  jwks: { keys: JWK[] };
  issue(claims: DevTokenClaims, lifetimeSeconds?: number): Promise<string>;
}

export async function createDevTokenIssuer(baseUrl: string): Promise<DevTokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const issuerTemplate = `${baseUrl}/dev/{tenantid}/v2.0`;
  return {
    issuerTemplate,
    jwks: { keys: [publicJwk] },
    issue: (claims, lifetimeSeconds = 3600) =>
      new SignJWT({
        tid: claims.tenantId,
        oid: claims.userId,
        name: claims.name,
        preferred_username: claims.email,
        scp: API_SCOPE,
        roles: claims.roles,
        ver: '2.0',
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuerTemplate.replace('{tenantid}', claims.tenantId))
        .setAudience(DEV_AUDIENCE)
        .setSubject(claims.userId)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey),
  };
}
