// A page's early GET requests are taken by the API client's first identical call, once; anything else is fetched.
import { expect, it, vi } from 'vitest';
import { createApiClient, routeRequest } from './api-client';
import { sendEarly, takingEarlyResponses } from './early-responses';

const BASE = 'http://host.test';
const ID = '00000000-0000-4000-8000-0000000000e1';
const tokens = { getToken: async () => 'tok' };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

it('answers the client’s first identical call from the request sent early, and every other call by fetching', async () => {
  const early = vi.fn(async () => json({ from: 'early' }));
  const request = routeRequest(BASE, ['GET', 'accounts/{id}/overview'], { params: { id: ID } }, 'de');
  sendEarly(request.url, { ...request.headers, authorization: 'Bearer tok' }, early);
  const later = vi.fn(async () => json({ from: 'client' }));
  const api = createApiClient({ baseUrl: BASE, tokens, language: 'de', fetch: takingEarlyResponses(later) });

  expect((await api('accountOverview', { params: { id: ID } })).data).toEqual({ from: 'early' });
  expect(later).not.toHaveBeenCalled();
  // Taken once: a reload asks the host again.
  expect((await api('accountOverview', { params: { id: ID } })).data).toEqual({ from: 'client' });
  expect(early).toHaveBeenCalledTimes(1);
  expect(later).toHaveBeenCalledTimes(1);
});

it('does not hand an early answer to a call with another language, token or query', async () => {
  const early = vi.fn(async () => json({ from: 'early' }));
  const request = routeRequest(BASE, ['GET', 'accounts/{id}/timeline'], { params: { id: ID }, query: { limit: 50, count: 'true' } }, 'en');
  sendEarly(request.url, { ...request.headers, authorization: 'Bearer old' }, early);
  const later = vi.fn(async () => json({ items: [], nextCursor: null }));
  const api = createApiClient({ baseUrl: BASE, tokens, language: 'en', fetch: takingEarlyResponses(later) });
  await api('accountTimeline', { params: { id: ID }, query: { limit: 50, count: 'true', type: undefined } });
  await api('accountTimeline', { params: { id: `${ID.slice(0, -1)}f` }, query: { limit: 50, count: 'true', type: undefined } });
  expect(later).toHaveBeenCalledTimes(2);
});

it('reports an early request’s failure to the call that takes it, without an unhandled rejection', async () => {
  const request = routeRequest(BASE, ['GET', 'accounts/{id}/overview'], { params: { id: `${ID.slice(0, -1)}a` } });
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  try {
    sendEarly(request.url, { ...request.headers, authorization: 'Bearer tok' }, () => Promise.reject(new TypeError('Failed to fetch')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const api = createApiClient({ baseUrl: BASE, tokens, fetch: takingEarlyResponses(vi.fn()) });
    await expect(api('accountOverview', { params: { id: `${ID.slice(0, -1)}a` } })).rejects.toMatchObject({ kind: 'offline' });
    expect(unhandled).not.toHaveBeenCalled();
  } finally {
    process.off('unhandledRejection', unhandled);
  }
});
