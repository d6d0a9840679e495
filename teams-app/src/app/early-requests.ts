// A tab page's first requests, started as soon as the page has its API client instead of after React's first commit
// (the trace of the account tab's first render showed them leaving 10-40 ms after the script ran). The page's own
// first identical call takes the answer that is already on its way; every later call asks again.
import type { ApiClient, ApiResult } from '@crm/common/web';

const keyOf = (name: string, args: { params?: unknown; query?: unknown }) => JSON.stringify([name, args.params ?? null, args.query ?? null]);

/**
 * `forget` drops the answers no call has taken yet: the page rendered its first screen with them (answeredWithin) and
 * skips those calls, so a later identical call (a reload after logging) must ask again rather than take the old answer.
 */
export function earlyRequests(api: ApiClient): { api: ApiClient; start: ApiClient; forget: () => void } {
  const started = new Map<string, Promise<ApiResult<unknown>>>();
  const take = ((name, args) => {
    const key = keyOf(name, args);
    const early = started.get(key);
    if (!early) return api(name, args);
    started.delete(key);
    return early;
  }) as ApiClient;
  const start = ((name, args) => {
    const early = api(name, args);
    // Its failure is reported to the call that takes it, not as an unhandled rejection of the page.
    early.catch(() => undefined);
    started.set(keyOf(name, args), early);
    return early;
  }) as ApiClient;
  return { api: take, start, forget: () => started.clear() };
}

/**
 * The first screen's answers if they all arrive within `ms`, so that the page renders that screen once, with them,
 * instead of its loading state, then each section as its answer comes. Otherwise (slow or failed) undefined, and the page
 * renders its loading state at once: it must never look frozen, and its first calls still take the answers on their way.
 */
export function answeredWithin<T>(answers: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    answers.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(undefined)),
    );
  });
}
