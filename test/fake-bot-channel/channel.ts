// startFakeBotChannel: the Bot Connector's side of a request to the bot, offline. Its own RSA keys with endorsements,
// the OpenID metadata and the key set served on 127.0.0.1 over http, and tokens signed the way "Authentication with the
// Bot Connector API" describes them (README.md names the pages). Tests hand its metadataUrl to the bot as
// BOT_OPENID_METADATA_URL and post the activities of activities.ts with its tokens.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { BotConfig } from '../../functions/src/core/config';

/** What the real service writes into iss; the fake uses it too, so the bot's default issuer is the one tested. */
export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';
/** Teams' service URL for Europe, as an activity and its token carry it. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
/** Where the bot under test says the Teams tabs are served (CRM_HOSTING_URL). */
export const CRM_TEST_HOSTING_URL = 'https://crm.contoso.test';

export interface TokenOptions {
  audience?: string;
  issuer?: string;
  serviceUrl?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** Sign with this key (and its kid) instead of the published Teams key. */
  signer?: 'teams' | 'unendorsed' | 'unpublished';
  /** Header algorithm other than RS256, signed with an HMAC secret (an attacker's "alg" choice). */
  hmacSecret?: Uint8Array;
}

export interface FakeBotChannel {
  appId: string;
  /** BOT_OPENID_METADATA_URL for the bot. */
  metadataUrl: string;
  /** The bot's configuration pointing at this channel. */
  botConfig: BotConfig;
  token(options?: TokenOptions): Promise<string>;
  /** Publishes a new Teams key (rotation) and returns its kid; tokens are signed with it from now on. */
  rotateKey(): Promise<string>;
  /** How often the metadata and the key set were fetched. */
  fetches: { metadata: number; keys: number };
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig' } };
}

export async function startFakeBotChannel(options: { appId?: string } = {}): Promise<FakeBotChannel> {
  const appId = options.appId ?? randomUUID();
  let teams = await newKey();
  const published: Array<{ key: SigningKey; endorsements: string[] }> = [{ key: teams, endorsements: ['msteams', 'webchat'] }];
  // Listed, but for another channel only: a token it signs must not carry a Teams activity.
  const unendorsed = await newKey();
  published.push({ key: unendorsed, endorsements: ['skype'] });
  // Not listed at all: stands for an attacker's key, with a kid the bot has never seen or one it has.
  const unpublished = await newKey();
  const fetches = { metadata: 0, keys: 0 };

  let base = '';
  const server: Server = createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/v1/.well-known/openidconfiguration') {
      fetches.metadata++;
      return send({
        issuer: BOT_CONNECTOR_ISSUER,
        authorization_endpoint: `${base}/v1/auth`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (request.method === 'GET' && request.url === '/v1/.well-known/keys') {
      fetches.keys++;
      return send({ keys: published.map(({ key, endorsements }) => ({ ...key.publicJwk, endorsements })) });
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const metadataUrl = `${base}/v1/.well-known/openidconfiguration`;

  return {
    appId,
    metadataUrl,
    botConfig: { appId, openIdMetadataUrl: metadataUrl, issuer: BOT_CONNECTOR_ISSUER, hostingUrl: CRM_TEST_HOSTING_URL },
    fetches,
    async token(tokenOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      const expiresIn = tokenOptions.expiresIn ?? 3600;
      const claims = new SignJWT({ serviceUrl: tokenOptions.serviceUrl ?? TEAMS_SERVICE_URL })
        .setIssuer(tokenOptions.issuer ?? BOT_CONNECTOR_ISSUER)
        .setAudience(tokenOptions.audience ?? appId)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(now + expiresIn);
      if (tokenOptions.hmacSecret) return claims.setProtectedHeader({ alg: 'HS256', kid: teams.kid, typ: 'JWT' }).sign(tokenOptions.hmacSecret);
      const signer = { teams, unendorsed, unpublished }[tokenOptions.signer ?? 'teams'];
      // "unpublished" signs under the Teams key's kid: a forgery that names a key the bot trusts.
      const kid = tokenOptions.signer === 'unpublished' ? teams.kid : signer.kid;
      return claims.setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(signer.privateKey);
    },
    async rotateKey() {
      teams = await newKey();
      published.unshift({ key: teams, endorsements: ['msteams', 'webchat'] });
      return teams.kid;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
