// Validates the Bot Connector's JWT on every request to /api/messages, step by step as "Authentication with the Bot
// Connector API" lists them (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot):
// issuer, audience = the bot's app id, validity with 5 minutes of skew, a signing key from the OpenID metadata's jwks_uri
// whose endorsements name the activity's channel, and the token's serviceUrl claim equal to the activity's.
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { keysUnavailable, unauthenticated } from '../../core/auth/principal';
import { secureOrLoopback, type BotConfig } from '../../core/config';

/** Learn: "allow for a clock skew of 5 minutes". */
const CLOCK_SKEW_SECONDS = 300;
/** The Bot Connector signs with RS256; without this list jose would take the algorithm from the token's own header. */
const ALGORITHMS = ['RS256'];
/** Keys rotate rarely; a day old they are fetched again, and an unknown kid fetches them at most once a minute. */
const KEYS_MAX_AGE_MS = 24 * 3600_000;
const REFETCH_UNKNOWN_KID_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;

export interface VerifiedBotToken {
  /** The kid's endorsements: the channels (msteams, ...) the key may sign for. */
  endorsements: readonly string[];
  serviceUrl: string;
}

export interface BotTokenValidator {
  /** Signature, issuer, audience and validity: everything that does not need the activity. */
  verify(authorization: string | null): Promise<VerifiedBotToken>;
}

export interface BotTokenOptions {
  fetch?: typeof fetch;
  now?: () => number;
}

interface SigningKey {
  key: CryptoKey | Uint8Array;
  endorsements: string[];
}

type KeyJwk = JWK & { kid?: string; endorsements?: unknown };

async function fetchJson(fetchImpl: typeof fetch, url: string): Promise<unknown> {
  if (!secureOrLoopback(url)) throw new Error(`refusing to fetch bot signing keys from ${url}: not https`);
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** The metadata document names the key set; both are fetched together so a moved jwks_uri is followed. */
function keySet(metadataUrl: string, fetchImpl: typeof fetch, now: () => number) {
  let keys = new Map<string, SigningKey>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | null = null;

  async function load(): Promise<void> {
    const metadata = (await fetchJson(fetchImpl, metadataUrl)) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new Error(`${metadataUrl} names no jwks_uri`);
    const jwks = (await fetchJson(fetchImpl, metadata.jwks_uri)) as { keys?: unknown };
    const next = new Map<string, SigningKey>();
    for (const jwk of Array.isArray(jwks.keys) ? (jwks.keys as KeyJwk[]) : []) {
      if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA') continue;
      const endorsements = Array.isArray(jwk.endorsements) ? jwk.endorsements.filter((e): e is string => typeof e === 'string') : [];
      const { endorsements: _, ...publicJwk } = jwk;
      next.set(jwk.kid, { key: await importJWK(publicJwk, 'RS256'), endorsements });
    }
    keys = next;
    fetchedAt = now();
  }

  const refresh = (): Promise<void> => {
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  };

  return async (kid: string): Promise<SigningKey> => {
    try {
      if (now() - fetchedAt > KEYS_MAX_AGE_MS) await refresh();
      else if (!keys.has(kid) && now() - fetchedAt >= REFETCH_UNKNOWN_KID_MS) await refresh();
    } catch {
      // Day-old keys still verify what they signed; only without any do we have to give up.
      if (keys.size === 0 || !keys.has(kid)) throw keysUnavailable();
    }
    const found = keys.get(kid);
    if (!found) throw unauthenticated('the token was signed with a key the Bot Connector does not list');
    return found;
  };
}

export function createBotTokenValidator(config: BotConfig, options: BotTokenOptions = {}): BotTokenValidator {
  const now = options.now ?? Date.now;
  const signingKey = keySet(config.openIdMetadataUrl, options.fetch ?? fetch, now);

  return {
    async verify(authorization) {
      const match = authorization?.match(/^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i);
      if (!match) throw unauthenticated('send the Bot Connector token as Authorization: Bearer <token>');
      const token = match[1]!;
      let kid: string | undefined;
      try {
        kid = decodeProtectedHeader(token).kid;
      } catch {
        throw unauthenticated('the bearer token is not a JWT');
      }
      if (!kid) throw unauthenticated('the token names no signing key (kid)');
      const { key, endorsements } = await signingKey(kid);

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: ALGORITHMS,
          issuer: config.issuer,
          audience: config.appId,
          clockTolerance: CLOCK_SKEW_SECONDS,
          requiredClaims: ['exp'],
          currentDate: new Date(now()),
        }));
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired');
        if (error instanceof errors.JWSSignatureVerificationFailed) throw unauthenticated("the token's signature does not verify with the Bot Connector's key");
        if (error instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`the token's ${error.claim} claim is not valid for this bot`);
        if (error instanceof errors.JOSEError) throw unauthenticated(`the token is not valid (${error.code})`);
        throw error;
      }
      if (typeof payload.serviceUrl !== 'string' || payload.serviceUrl === '') throw unauthenticated('the token has no serviceUrl claim');
      return { endorsements, serviceUrl: payload.serviceUrl };
    },
  };
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** The two checks that need the activity: Learn requires both, so a token for one channel or service cannot carry another's activity. */
export function checkActivityAgainstToken(token: VerifiedBotToken, activity: { channelId: string; serviceUrl: string }): void {
  if (!token.endorsements.includes(activity.channelId)) throw unauthenticated(`the token's signing key is not endorsed for the channel ${activity.channelId}`);
  if (withoutTrailingSlash(token.serviceUrl) !== withoutTrailingSlash(activity.serviceUrl)) {
    throw unauthenticated("the token's serviceUrl claim does not match the activity's serviceUrl");
  }
}
