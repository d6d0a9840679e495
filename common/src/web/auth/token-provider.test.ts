// Development tokens: requests made together share one token request, the token is reused until near expiry, failures are sign-in errors.
import { describe, expect, it, vi } from 'vitest';
import { devTokenProvider, SignInError } from './token-provider';

/** A page's sessionStorage that outlives the providers made on it, as across page loads. */
function memoryStore() {
  const session = new Map<string, string>();
  const store = {
    getItem: (k: string) => session.get(k) ?? null,
    setItem: (k: string, v: string) => void session.set(k, v),
    removeItem: (k: string) => void session.delete(k),
  };
  return { session, store };
}

const answer = (token: string) => new Response(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }), { status: 200 });

describe('development token provider', () => {
  it('asks the local host once for calls made together and reuses the token', async () => {
    const fetcher = vi.fn(async () => answer('t1'));
    const tokens = devTokenProvider('http://localhost', {}, fetcher);
    expect(await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()])).toEqual(['t1', 't1', 't1']);
    expect(await tokens.getToken()).toBe('t1');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('asks again after the API refused the token', async () => {
    const fetcher = vi.fn(async () => answer(`t${fetcher.mock.calls.length}`));
    const tokens = devTokenProvider('http://localhost', {}, fetcher);
    expect(await tokens.getToken()).toBe('t1');
    tokens.invalidate!();
    expect(await tokens.getToken()).toBe('t2');
  });

  it('turns an unreachable or refusing host into a sign-in error, and tries again next time', async () => {
    const fetcher = vi.fn<typeof fetch>(async () => {
      throw new TypeError('fetch failed');
    });
    const tokens = devTokenProvider('http://localhost', {}, fetcher);
    await expect(tokens.getToken()).rejects.toBeInstanceOf(SignInError);
    fetcher.mockImplementation(async () => new Response('', { status: 403 }));
    await expect(tokens.getToken()).rejects.toThrow(/refused a development token \(403\)/);
  });

  it('keeps the token across page loads in the session, one per host and identity, and forgets a refused one', async () => {
    const { store } = memoryStore();
    const fetcher = vi.fn(async () => answer(`t${fetcher.mock.calls.length}`));
    expect(await devTokenProvider('http://localhost', {}, fetcher, store).getToken()).toBe('t1');
    // The next page load of the same tab.
    const reloaded = devTokenProvider('http://localhost', {}, fetcher, store);
    expect(await reloaded.getToken()).toBe('t1');
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(await devTokenProvider('http://localhost', { userId: 'b9d7a3f0-5c2e-4f1a-9e3b-2d6c8a4f7e10' }, fetcher, store).getToken()).toBe('t2');
    expect(await devTokenProvider('http://127.0.0.1:7071', {}, fetcher, store).getToken()).toBe('t3');
    reloaded.invalidate!();
    expect(await devTokenProvider('http://localhost', {}, fetcher, store).getToken()).toBe('t4');
  });

  it('asks again for a stored token near its expiry, and ignores what it cannot read', async () => {
    const { session, store } = memoryStore();
    const fetcher = vi.fn(async () => answer(`t${fetcher.mock.calls.length}`));
    const key = 'crm.devToken http://localhost {}';
    session.set(key, JSON.stringify({ token: 'old', expiresAt: Date.now() + 30_000 }));
    expect(await devTokenProvider('http://localhost', {}, fetcher, store).getToken()).toBe('t1');
    session.set(key, '{not json');
    expect(await devTokenProvider('http://localhost', {}, fetcher, store).getToken()).toBe('t2');
    const full = {
      ...store,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(await devTokenProvider('http://localhost', { userId: 'b9d7a3f0-5c2e-4f1a-9e3b-2d6c8a4f7e10' }, fetcher, full).getToken()).toBe('t3');
  });
});
