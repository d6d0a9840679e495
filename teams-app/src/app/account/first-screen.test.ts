// The early script's copy of the two routes sends what the API client sends from the catalogue, so the tab takes its answers.
import { expect, it } from 'vitest';
import { createApiClient, routeRequest } from '@crm/common/web';
import { FIRST_SCREEN_ROUTES, firstTimelinePage, overviewCall } from './first-screen';

const ID = '00000000-0000-4000-8000-0000000000f1';

it('builds the overview and first timeline page requests exactly as the client does from the API catalogue', async () => {
  const sent: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
  const client = createApiClient({
    baseUrl: 'http://host.test',
    tokens: { getToken: async () => 'tok' },
    language: 'de',
    fetch: async (url, init) => {
      sent.push({ method: init!.method!, url: String(url), headers: init!.headers as Record<string, string> });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    },
  });
  await client('accountOverview', overviewCall(ID));
  await client('accountTimeline', firstTimelinePage(ID));
  const early = [
    routeRequest('http://host.test', FIRST_SCREEN_ROUTES.accountOverview, overviewCall(ID), 'de'),
    routeRequest('http://host.test', FIRST_SCREEN_ROUTES.accountTimeline, firstTimelinePage(ID), 'de'),
  ].map((r) => ({ ...r, headers: { ...r.headers, authorization: 'Bearer tok' } }));
  expect(sent).toEqual(early);
  expect(JSON.stringify(sent.map((s) => s.headers))).toBe(JSON.stringify(early.map((e) => e.headers)));
});
