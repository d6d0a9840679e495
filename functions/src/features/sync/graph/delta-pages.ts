// One page of a Graph delta query: changed items, removed ids, and where to go next.
import type { GraphApi } from './graph-api';

export interface DeltaPage<T> {
  items: T[];
  removed: string[];
  /** Exactly one of the two is set: more pages follow, or the round is complete. */
  nextLink?: string;
  deltaLink?: string;
}

interface RawDeltaPage<T> {
  value: (T | { id: string; '@removed': { reason: string } })[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export async function readDeltaPage<T extends { id: string }>(api: GraphApi, tenantId: string, url: string, pageSize: number): Promise<DeltaPage<T>> {
  const raw = await api.get<RawDeltaPage<T>>(tenantId, url, { Prefer: `odata.maxpagesize=${pageSize}, outlook.timezone="UTC"` });
  const items: T[] = [];
  const removed: string[] = [];
  for (const entry of raw.value ?? []) {
    if ('@removed' in entry) removed.push(entry.id);
    else items.push(entry as T);
  }
  const nextLink = raw['@odata.nextLink'];
  const deltaLink = raw['@odata.deltaLink'];
  if (!nextLink && !deltaLink) throw new Error('Graph answered a delta page with neither @odata.nextLink nor @odata.deltaLink');
  return nextLink ? { items, removed, nextLink } : { items, removed, deltaLink: deltaLink! };
}
