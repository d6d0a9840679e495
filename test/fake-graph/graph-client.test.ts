// @microsoft/microsoft-graph-client, as the CRM's drivers use it, pages through the fake with an auth provider and custom host.
import { Client, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToken } from './harness';
import { seedBulkEvents } from './seed';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';

const ANNA = 'anna.becker@rheinwerk-maschinenbau.de';
let fg: FakeGraph;
let untrust: () => void;

beforeAll(async () => {
  fg = await startFakeGraph();
  untrust = trustFakeGraphCert(fg.certPem);
  fg.model.addMailbox({ email: ANNA });
  seedBulkEvents(fg.model, ANNA, 250);
});
afterAll(async () => {
  untrust();
  await fg.close();
});

describe('microsoft-graph-client', () => {
  it('pages a calendarView delta round to its deltaLink, then reads an empty incremental round', async () => {
    const token = await fetchToken(fg);
    const client = Client.init({ baseUrl: fg.url, defaultVersion: 'v1.0', customHosts: new Set(['127.0.0.1']), authProvider: (done) => done(null, token) });
    const now = Date.now();
    const first = (await client
      .api(`/users/${ANNA}/calendarView/delta`)
      .query({ startDateTime: new Date(now - 90 * 86_400_000).toISOString(), endDateTime: new Date(now + 365 * 86_400_000).toISOString() })
      .header('Prefer', 'odata.maxpagesize=100')
      .get()) as PageCollection;
    const ids: string[] = [];
    const iterator = new PageIterator(client, first, (item: { id: string }) => Boolean(ids.push(item.id)), { headers: { Prefer: 'odata.maxpagesize=100' } });
    await iterator.iterate();
    expect(ids).toHaveLength(250);
    const deltaLink = iterator.getDeltaLink()!;
    expect(deltaLink).toContain('$deltatoken=');
    expect(fg.countRequests({ pathIncludes: '/calendarView/delta' })).toBe(3);
    const incremental = (await client.api(deltaLink).get()) as PageCollection;
    expect(incremental.value).toEqual([]);
  });

  it('surfaces 410 as a GraphError with the Graph error code', async () => {
    const token = await fetchToken(fg);
    const client = Client.init({ baseUrl: fg.url, customHosts: new Set(['127.0.0.1']), authProvider: (done) => done(null, token) });
    fg.faults.add({ status: 410, match: { pathIncludes: '/contacts/delta' } });
    await expect(client.api(`/users/${ANNA}/contactFolders/${fg.model.mailbox(ANNA).defaultFolderId}/contacts/delta`).get()).rejects.toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
  });
});
