// One page of a Graph delta query: changed items, removed ids, and the link to go on with as sync's cursor.
import type { DeltaPage } from '../ports';
import type { GraphApi } from './graph-api';

interface RawDeltaPage<T> {
  value: (T | { id: string; '@removed': { reason: string } })[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** Graph's links are the cursors: @odata.nextLink while pages follow, @odata.deltaLink when the round is complete. */
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
  if (nextLink) return { items, removed, nextCursor: nextLink };
  if (deltaLink) return { items, removed, deltaCursor: deltaLink };
  throw new Error('Graph answered a delta page with neither @odata.nextLink nor @odata.deltaLink');
}
