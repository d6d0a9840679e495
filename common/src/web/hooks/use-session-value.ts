// A value fetched once per session (per API client), e.g. the stage model or the user's id.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client';

// Keyed by client, so a new session (another user in a preview) asks again.
const cache = new WeakMap<ApiClient, Map<string, Promise<unknown>>>();

export function useSessionValue<T>(api: ApiClient, name: string, load: (api: ApiClient) => Promise<T>, enabled = true): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const values = cache.get(api) ?? new Map<string, Promise<unknown>>();
    cache.set(api, values);
    let request = values.get(name) as Promise<T> | undefined;
    if (!request) {
      request = load(api);
      values.set(name, request);
    }
    // A failed request is forgotten, so the next render asks again.
    request.then(setValue, () => values.delete(name));
  }, [api, name, load, enabled]);
  return value;
}
