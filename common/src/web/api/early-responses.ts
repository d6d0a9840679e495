// A page's first GET requests, sent by a small classic script in the page's head before the page's bundle is fetched,
// compiled and run, and taken by the bundle's API client when it asks for the same URL with the same headers, once.
// Both build the headers with routeRequest (api-client.ts), in the same order. The two scripts are separate bundles:
// they meet on a global.
const KEY = Symbol.for('crm.earlyResponses');

const early = (): Map<string, Promise<Response>> => ((globalThis as { [KEY]?: Map<string, Promise<Response>> })[KEY] ??= new Map());

const keyOf = (url: string, headers: unknown) => JSON.stringify([url, headers]);

/** Sends a GET now; the first fetch through `takingEarlyResponses` for the same URL and headers gets its answer. */
export function sendEarly(url: string, headers: Record<string, string>, fetcher: typeof fetch = (i, init) => fetch(i, init)): void {
  const response = fetcher(url, { headers });
  // A failure belongs to the call that takes the answer (the client reports it), not to the page as unhandled.
  response.catch(() => undefined);
  early().set(keyOf(url, headers), response);
}

/** A fetch that answers a GET from an early request sent for the same URL and headers, and otherwise fetches. */
export function takingEarlyResponses(fetcher: typeof fetch): typeof fetch {
  return (input, init) => {
    const key = keyOf(String(input), init?.headers);
    const sent = init?.method === 'GET' ? early().get(key) : undefined;
    if (!sent) return fetcher(input, init);
    early().delete(key);
    return sent;
  };
}
