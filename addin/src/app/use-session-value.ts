// A value fetched once per pane session (per API client), e.g. the stage model or the user's id.
import { useEffect, useState } from 'react';
import type { ApiClient } from '@crm/common/web';
import { useServices } from './services';

// Keyed by client, so a new session (another user in the preview) asks again.
const cache = new WeakMap<ApiClient, Map<string, Promise<unknown>>>();

export function useSessionValue<T>(name: string, load: (api: ApiClient) => Promise<T>, enabled = true): T | null {
  const { api } = useServices();
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
