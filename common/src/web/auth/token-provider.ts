// Where the front-ends get API tokens from: Entra ID through MSAL in Office and Teams, the local host standalone.
import type { DevTokenRequest } from '../../contracts/dev-token';

export interface TokenProvider {
  getToken(): Promise<string>;
  /** Forget a cached token the API refused, so the next call gets a fresh one. */
  invalidate?(): void;
}

/**
 * Why sign-in failed, in the terms the user can act on: cancelled (they closed the window), blocked (the host or browser
 * refused to open it), busy (another dialog of the add-in is open), unavailable (the sign-in page cannot be reached), failed.
 */
export type SignInReason = 'cancelled' | 'blocked' | 'busy' | 'unavailable' | 'failed';

export class SignInError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
    readonly reason: SignInReason = 'failed',
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Where a development token outlives a page load: the tab's own session, as MSAL keeps Entra ID tokens across loads. */
export type TokenStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const sessionStore = (): TokenStore | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // A sandboxed frame without storage access throws on reading the property.
    return null;
  }
};

// One entry per host and identity, so the preview mailbox's user switch does not take another user's token.
const storeKey = (baseUrl: string, identity: DevTokenRequest) => `crm.devToken ${baseUrl} ${JSON.stringify(identity)}`;

const storedEntry = (store: TokenStore | null, key: string): { token: string; expiresAt: number } | null => {
  try {
    const value = JSON.parse(store?.getItem(key) ?? 'null') as { token?: unknown; expiresAt?: unknown } | null;
    return typeof value?.token === 'string' && typeof value.expiresAt === 'number' ? { token: value.token, expiresAt: value.expiresAt } : null;
  } catch {
    return null;
  }
};

// Kept for a call at least this long: a token about to expire is fetched anew rather than refused on the way.
const MARGIN_MS = 60_000;

/** The development token a page load can use without asking the host, if this tab's session holds one. */
export function storedDevToken(baseUrl: string, identity: DevTokenRequest = {}, store: TokenStore | null = sessionStore()): string | null {
  const entry = storedEntry(store, storeKey(baseUrl, identity));
  return entry && entry.expiresAt > Date.now() + MARGIN_MS ? entry.token : null;
}

/** Standalone previews sign in with the local host's development tokens (never available in Azure). */
export function devTokenProvider(
  baseUrl: string,
  identity: DevTokenRequest = {},
  fetcher: typeof fetch = (i, init) => fetch(i, init),
  store: TokenStore | null = sessionStore(),
): TokenProvider {
  const key = storeKey(baseUrl, identity);
  let cached = storedEntry(store, key);
  // Calls made together (a page's first requests) share one token request instead of each asking for its own.
  let pending: Promise<string> | null = null;
  const fetchToken = async () => {
    let response: Response;
    try {
      response = await fetcher(`${baseUrl}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(identity) });
    } catch (error) {
      throw new SignInError('the local host cannot be reached for a development token', error);
    }
    if (!response.ok) throw new SignInError(`the local host refused a development token (${response.status})`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    try {
      store?.setItem(key, JSON.stringify(cached));
    } catch {
      // A full or refused store only costs the next page load a token request.
    }
    return cached.token;
  };
  return {
    async getToken() {
      if (cached && cached.expiresAt > Date.now() + MARGIN_MS) return cached.token;
      pending ??= fetchToken().finally(() => (pending = null));
      return pending;
    },
    invalidate() {
      cached = null;
      store?.removeItem(key);
    },
  };
}
