// The tab's first requests leave before React renders; the page's first identical call takes that answer, later ones ask again.
import { expect, it, vi } from 'vitest';
import type { ApiClient } from '@crm/common/web';
import { ApiError } from '@crm/common/web';
import { answeredWithin, earlyRequests } from './early-requests';
import { NO_FILTER, timelineQuery } from './account/timeline-query';

const ID = '00000000-0000-4000-8000-000000000001';

it('answers the first identical call with the request already started, and every other call with a new one', async () => {
  let n = 0;
  const client = vi.fn(async () => ({ data: { n: ++n }, status: 200, etag: null })) as unknown as ApiClient;
  const { api, start } = earlyRequests(client);
  void start('accountOverview', { params: { id: ID } });
  void start('accountTimeline', { params: { id: ID }, query: timelineQuery(NO_FILTER, null) });
  expect(client).toHaveBeenCalledTimes(2);

  // As the tab asks: with its own abort signal, and the query built the same way.
  expect((await api('accountOverview', { params: { id: ID }, signal: new AbortController().signal })).data).toEqual({ n: 1 });
  expect((await api('accountTimeline', { params: { id: ID }, query: timelineQuery(NO_FILTER, null) })).data).toEqual({ n: 2 });
  expect(client).toHaveBeenCalledTimes(2);
  // A reload asks again; so does another query.
  expect((await api('accountOverview', { params: { id: ID } })).data).toEqual({ n: 3 });
  expect((await api('accountTimeline', { params: { id: ID }, query: timelineQuery({ ...NO_FILTER, q: 'Pumpe' }, null) })).data).toEqual({ n: 4 });
});

it('hands an early failure to the call that takes it, without an unhandled rejection', async () => {
  const refused = new ApiError('not-found', 404, null);
  const client = vi.fn(async () => Promise.reject(refused)) as unknown as ApiClient;
  const { api, start } = earlyRequests(client);
  void start('accountOverview', { params: { id: ID } });
  await new Promise((resolve) => setTimeout(resolve, 0));
  await expect(api('accountOverview', { params: { id: ID } })).rejects.toBe(refused);
});

it('forgets the answers no call took, so a later identical call asks again', async () => {
  let n = 0;
  const client = vi.fn(async () => ({ data: { n: ++n }, status: 200, etag: null })) as unknown as ApiClient;
  const { api, start, forget } = earlyRequests(client);
  void start('accountOverview', { params: { id: ID } });
  forget();
  expect((await api('accountOverview', { params: { id: ID } })).data).toEqual({ n: 2 });
});

it('hands the first screen its answers when they come in time, and nothing when they are late or fail', async () => {
  expect(await answeredWithin(Promise.resolve('both'), 100)).toBe('both');
  expect(await answeredWithin(new Promise((resolve) => setTimeout(resolve, 60, 'late')), 5)).toBeUndefined();
  expect(await answeredWithin(Promise.reject(new Error('refused')), 100)).toBeUndefined();
});
