// The validator's own rules: remote JWKS with refresh on key rotation, per-tenant issuers, clock skew, claims.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevTokenIssuer, DEV_AUDIENCE, type DevTokenIssuer } from './dev-token-issuer';
import { AuthError } from './principal';
import { API_SCOPE, createTokenValidator } from './token-validator';

describe('token validator', () => {
  let server: Server;
  let jwksUrl: URL;
  let current: DevTokenIssuer;
  let fetches = 0;

  beforeAll(async () => {
    current = await createDevTokenIssuer('https://login.test');
    server = createServer((_request, response) => {
      fetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(current.jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const claims = (overrides: Partial<Parameters<DevTokenIssuer['issue']>[0]> = {}) => ({
    tenantId: randomUUID(),
    userId: randomUUID(),
    name: 'Lena Koch',
    email: 'Lena.Koch@Seller.example',
    roles: ['CRM.User' as const],
    ...overrides,
  });

  const validatorFor = (issuer: DevTokenIssuer, options: Parameters<typeof createTokenValidator>[1] = {}, allowedTenants: '*' | string[] = '*') =>
    createTokenValidator(
      [{ issuerTemplate: issuer.issuerTemplate, keys: createRemoteJWKSet(jwksUrl, { cooldownDuration: 0 }), audiences: [DEV_AUDIENCE], allowedTenants }],
      options,
    );

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  };

  it('turns a valid token into a principal with lower-cased ids and email', async () => {
    const validate = validatorFor(current);
    const input = claims();
    const principal = await validate(`Bearer ${await current.issue(input)}`);
    expect(principal).toMatchObject({
      tenantId: input.tenantId,
      oid: input.userId,
      displayName: 'Lena Koch',
      email: 'lena.koch@seller.example',
      roles: ['CRM.User'],
    });
  });

  it('fetches the key set again when a token names a key it has not seen (key rotation)', async () => {
    const validate = validatorFor(current);
    await validate(`Bearer ${await current.issue(claims())}`);
    const before = fetches;
    const rotated = await createDevTokenIssuer('https://login.test');
    current = rotated;
    await validate(`Bearer ${await rotated.issue(claims())}`);
    expect(fetches).toBe(before + 1);
  });

  it('checks a signature once and then remembers the token until it expires', async () => {
    const validate = validatorFor(current);
    const token = `Bearer ${await current.issue(claims())}`;
    await validate(token);
    const before = fetches;
    for (let i = 0; i < 5; i++) await validate(token);
    expect(fetches).toBe(before);
  });

  it('accepts a token within the clock skew and refuses it beyond', async () => {
    const token = `Bearer ${await current.issue(claims(), 60)}`;
    const inSkew = validatorFor(current, { clockToleranceSeconds: 120, now: () => Date.now() + 150_000 });
    await expect(inSkew(token)).resolves.toBeDefined();
    const beyond = validatorFor(current, { clockToleranceSeconds: 120, now: () => Date.now() + 300_000 });
    expect((await failure(beyond(token))).status).toBe(401);
  });

  it('refuses tenants outside the allow-list with 403', async () => {
    const validate = validatorFor(current, {}, [randomUUID()]);
    expect((await failure(validate(`Bearer ${await current.issue(claims())}`))).status).toBe(403);
  });

  it('gives a token with a forged signature the same 401 whatever its tid, so it cannot probe the tenant allow-list', async () => {
    const allowed = randomUUID();
    const validate = validatorFor(current, {}, [allowed]);
    const forger = await createDevTokenIssuer('https://login.test');
    const forge = async (tenantId: string) => {
      const [, payload, signature] = (await forger.issue(claims({ tenantId, roles: ['CRM.Admin'] }))).split('.');
      // The real key id, so the key set hands out the real key and the signature check is what refuses the token.
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: current.jwks.keys[0]!.kid, typ: 'JWT' })).toString('base64url');
      return `Bearer ${[header, payload, signature].join('.')}`;
    };
    const forAllowed = await failure(validate(await forge(allowed)));
    const forOther = await failure(validate(await forge(randomUUID())));
    expect([forAllowed.status, forOther.status]).toEqual([401, 401]);
    expect(forOther.message).toBe(forAllowed.message);
  });

  it('accepts only RS256, even when the key set holds a key for another algorithm', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const kid = randomUUID();
    // An EC key without "alg", as a key set may publish it: jose alone would let the token's header choose ES256.
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig' }] });
    const validate = createTokenValidator([{ issuerTemplate: current.issuerTemplate, keys, audiences: [DEV_AUDIENCE], allowedTenants: '*' }]);
    const tenantId = randomUUID();
    const token = await new SignJWT({ tid: tenantId, oid: randomUUID(), scp: API_SCOPE, roles: ['CRM.Admin'], ver: '2.0' })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
      .setIssuer(current.issuerTemplate.replace('{tenantid}', tenantId))
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const error = await failure(validate(`Bearer ${token}`));
    expect(error.status).toBe(401);
    expect(error.message).toContain('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('refuses a token whose issuer names a different tenant than its tid', async () => {
    const validate = validatorFor(current);
    const input = claims();
    const token = await current.issue(input);
    const [header, payload, signature] = token.split('.');
    const decoded = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    decoded.tid = randomUUID();
    const tampered = [header, Buffer.from(JSON.stringify(decoded)).toString('base64url'), signature].join('.');
    expect((await failure(validate(`Bearer ${tampered}`))).status).toBe(401);
  });

  it('refuses missing and malformed authorization headers', async () => {
    const validate = validatorFor(current);
    expect((await failure(validate(null))).status).toBe(401);
    expect((await failure(validate('Basic dXNlcjpwYXNz'))).status).toBe(401);
    expect((await failure(validate('Bearer not-a-jwt'))).status).toBe(401);
  });

  it('says 503, not 401, when the key set cannot be fetched', async () => {
    const issuer = await createDevTokenIssuer('https://login.test');
    const validate = createTokenValidator([
      { issuerTemplate: issuer.issuerTemplate, keys: createRemoteJWKSet(new URL('http://127.0.0.1:9/keys')), audiences: [DEV_AUDIENCE], allowedTenants: '*' },
    ]);
    expect((await failure(validate(`Bearer ${await issuer.issue(claims())}`))).status).toBe(503);
  });
});
