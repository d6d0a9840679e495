// Development tokens: requests made together share one token request, the token is reused until near expiry, failures are sign-in errors.
import { describe, expect, it, vi } from 'vitest';
import { devTokenProvider, SignInError } from './token-provider';

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
});
