// Test conveniences on top of the fake: a token from its own endpoint and a tiny JSON client that sends it.
import type { FakeGraph } from './server';

export interface GraphReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function fetchToken(fg: FakeGraph, clientId = 'fake-client', clientSecret = 'fake-secret'): Promise<string> {
  const res = await fetch(`${fg.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`fake-graph: no token (${res.status})`);
  return body.access_token;
}

/** pathOrUrl: relative to /v1.0 (e.g. /users/x/contacts) or an absolute nextLink/deltaLink. */
export function graphCaller(fg: FakeGraph, token: string) {
  return async (
    method: string,
    pathOrUrl: string,
    options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<GraphReply> => {
    const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${fg.graphBaseUrl}${pathOrUrl}`;
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

/** Follows nextLinks to the deltaLink; returns every item and the number of pages. */
export async function drainDelta(
  call: ReturnType<typeof graphCaller>,
  first: string,
  headers: Record<string, string> = {},
): Promise<{ items: Record<string, unknown>[]; pages: number; deltaLink: string }> {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = first;
  let pages = 0;
  for (;;) {
    const reply: GraphReply = await call('GET', next, { headers });
    if (reply.status !== 200) throw new Error(`fake-graph: delta page answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    pages += 1;
    items.push(...(reply.body.value as Record<string, unknown>[]));
    next = reply.body['@odata.nextLink'] as string | undefined;
    if (!next) return { items, pages, deltaLink: reply.body['@odata.deltaLink'] as string };
  }
}
