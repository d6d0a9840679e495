// The account timeline page by page (keyset cursor) with the number of matches, restarted when a filter changes; new or
// changed records take their place (and the count) at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Interaction, TimelinePage } from '@crm/common';
import { useServices } from '../services';
import { timelineQuery, type TimelineFilter } from './timeline-query';

interface TimelineState {
  items: Interaction[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
  /** How many match the filter on all pages; null until the first page tells. */
  total: number | null;
}

const fresh: TimelineState = { items: [], cursor: null, done: false, loading: false, error: null, total: null };

/** The API's filter, repeated here for records logged or changed in the tab (q as a case-insensitive substring). */
export function matchesFilter(interaction: Interaction, filter: TimelineFilter): boolean {
  if (filter.types.length > 0 && !filter.types.includes(interaction.type)) return false;
  if (filter.contactId && !interaction.contactIds.includes(filter.contactId)) return false;
  const q = filter.q.trim().toLowerCase();
  return !q || [interaction.subject, interaction.summary, interaction.resolution].some((text) => text?.toLowerCase().includes(q));
}

/** The API's order: by when it happened, newest first, then by id; never by when it was logged or changed. */
const before = (a: Interaction, b: Interaction) => {
  const at = Date.parse(b.occurredAt) - Date.parse(a.occurredAt);
  return at !== 0 ? at < 0 : a.id > b.id;
};

/**
 * The loaded items with `interaction` at its place by occurredAt. One that sorts below the last loaded row is left to its
 * page, and one still ahead (a planned meeting) belongs to "upcoming", not here.
 */
export function placeInTimeline(items: readonly Interaction[], interaction: Interaction, done: boolean, now: Date): Interaction[] {
  const others = items.filter((i) => i.id !== interaction.id);
  if (Date.parse(interaction.occurredAt) > now.getTime()) return others;
  const index = others.findIndex((i) => before(interaction, i));
  if (index === -1) return done ? [...others, interaction] : others;
  return [...others.slice(0, index), interaction, ...others.slice(index)];
}

const firstPageState = (page: TimelinePage): TimelineState => ({
  ...fresh,
  items: page.items,
  cursor: page.nextCursor,
  done: !page.nextCursor,
  total: page.total ?? null,
});

/** `firstPage` is the unfiltered first page when the tab already has it (its first screen renders once, with it). */
export function useTimeline(accountId: string, filter: TimelineFilter, firstPage?: TimelinePage) {
  const { api } = useServices();
  const [state, setState] = useState<TimelineState>(() => (firstPage ? firstPageState(firstPage) : fresh));
  // The account and filter the given first page answers; the effect below does not start them over.
  const given = useRef<{ accountId: string; filter: TimelineFilter } | null>(firstPage ? { accountId, filter } : null);
  const inFlight = useRef<AbortController | null>(null);
  const current = useRef(state);
  current.current = state;

  const loadMore = useCallback(() => {
    const { done, loading, cursor, error } = current.current;
    if (done || loading || error || inFlight.current) return;
    const abort = new AbortController();
    inFlight.current = abort;
    setState((s) => ({ ...s, loading: true }));
    api('accountTimeline', { params: { id: accountId }, query: timelineQuery(filter, cursor), signal: abort.signal }).then(
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
            total: r.data.total ?? s.total,
          };
        });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        inFlight.current = null;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, [api, accountId, filter]);

  // A new account or filter starts over, and the first page is asked for at once, alongside the overview, not after it.
  useEffect(() => {
    if (given.current?.accountId === accountId && given.current.filter === filter) return;
    given.current = null;
    inFlight.current?.abort();
    inFlight.current = null;
    current.current = fresh;
    setState(fresh);
    loadMore();
  }, [loadMore, accountId, filter]);

  const retry = useCallback(() => setState((s) => ({ ...s, error: null })), []);

  /**
   * A record logged (`created`) or changed here: placed by when it happened, or dropped when it no longer matches the
   * filter; the total follows when the tab can know the change (a new match, or a listed one that no longer matches).
   */
  const place = useCallback(
    (interaction: Interaction, created = false) => {
      const matches = matchesFilter(interaction, filter) && Date.parse(interaction.occurredAt) <= Date.now();
      setState((s) => {
        const listed = s.items.some((i) => i.id === interaction.id);
        const delta = created && matches ? 1 : !created && listed && !matches ? -1 : 0;
        return {
          ...s,
          items: matches ? placeInTimeline(s.items, interaction, s.done, new Date()) : s.items.filter((i) => i.id !== interaction.id),
          total: s.total === null ? null : s.total + delta,
        };
      });
    },
    [filter],
  );

  return { ...state, loadMore, retry, place };
}
