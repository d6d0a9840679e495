// The account timeline page by page (keyset cursor), restarted when a filter changes; new records go on top at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Interaction, InteractionType } from '@crm/common';
import { useServices } from '../services';

export const TIMELINE_PAGE = 50;

export interface TimelineFilter {
  type: InteractionType | '';
  contactId: string;
}

interface TimelineState {
  items: Interaction[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
}

const fresh: TimelineState = { items: [], cursor: null, done: false, loading: false, error: null };

export function useTimeline(accountId: string, filter: TimelineFilter) {
  const { api } = useServices();
  const [state, setState] = useState<TimelineState>(fresh);
  const inFlight = useRef<AbortController | null>(null);
  const current = useRef(state);
  current.current = state;

  const loadMore = useCallback(() => {
    const { done, loading, cursor, error } = current.current;
    if (done || loading || error || inFlight.current) return;
    const abort = new AbortController();
    inFlight.current = abort;
    setState((s) => ({ ...s, loading: true }));
    api('accountTimeline', {
      params: { id: accountId },
      query: { limit: TIMELINE_PAGE, cursor: cursor ?? undefined, type: filter.type ? [filter.type] : undefined, contactId: filter.contactId || undefined },
      signal: abort.signal,
    }).then(
      (r) => {
        if (abort.signal.aborted) return;
        inFlight.current = null;
        setState((s) => {
          // A record logged here meanwhile is already on top; the page must not show it twice.
          const seen = new Set(s.items.map((i) => i.id));
          return {
            ...s,
            items: [...s.items, ...r.data.items.filter((i) => !seen.has(i.id))],
            cursor: r.data.nextCursor,
            done: !r.data.nextCursor,
            loading: false,
          };
        });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        inFlight.current = null;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, [api, accountId, filter.type, filter.contactId]);

  // A new account or filter starts over, and the first page is asked for at once, alongside the overview, not after it.
  useEffect(() => {
    inFlight.current?.abort();
    inFlight.current = null;
    current.current = fresh;
    setState(fresh);
    loadMore();
  }, [loadMore]);

  const retry = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  const prepend = useCallback(
    (interaction: Interaction) => {
      const matches = (!filter.type || interaction.type === filter.type) && (!filter.contactId || interaction.contactIds.includes(filter.contactId));
      if (matches) setState((s) => ({ ...s, items: [interaction, ...s.items.filter((i) => i.id !== interaction.id)] }));
    },
    [filter.type, filter.contactId],
  );

  const replace = useCallback((interaction: Interaction) => {
    setState((s) => ({ ...s, items: s.items.map((i) => (i.id === interaction.id ? interaction : i)) }));
  }, []);

  return { ...state, loadMore, retry, prepend, replace };
}
