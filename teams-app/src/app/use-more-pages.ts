// "Show more" under a list whose first page came from useLoad: later pages are kept with the key of the first page they
// follow, so a new filter starts again from its first page, and the list never shows one filter's rows under another's.
import { useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function useMorePages<T>(first: Page<T> | null, key: string, fetchPage: (cursor: string) => Promise<Page<T>>) {
  const [more, setMore] = useState<(Page<T> & { key: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const extra = more?.key === key ? more : null;
  const items = [...(first?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.nextCursor : (first?.nextCursor ?? null);
  const showMore = async () => {
    if (!nextCursor || loading) return;
    setError(null);
    setLoading(true);
    try {
      const page = await fetchPage(nextCursor);
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  /** Back to the first page alone, before it is loaded again. */
  const reset = () => {
    setMore(null);
    setError(null);
  };
  return { items, nextCursor, showMore, loading, error, reset };
}
