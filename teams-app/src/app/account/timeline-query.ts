// The account timeline's filter and the query of one page, without React: the tab's early requests ask for the first
// page with this query before the tab's bundle runs (first-screen.ts).
import type { InteractionType } from '@crm/common';

const TIMELINE_PAGE = 50;

export interface TimelineFilter {
  /** None is every type. */
  types: readonly InteractionType[];
  contactId: string;
  /** Words searched in subject, note and resolution (the API's q). */
  q: string;
}

export const NO_FILTER: TimelineFilter = { types: [], contactId: '', q: '' };

/** One page's query; the tab's start asks for the first page with the same query before the tab renders. */
export function timelineQuery(filter: TimelineFilter, cursor: string | null) {
  return {
    limit: TIMELINE_PAGE,
    cursor: cursor ?? undefined,
    type: filter.types.length > 0 ? [...filter.types] : undefined,
    contactId: filter.contactId || undefined,
    q: filter.q.trim() || undefined,
    // The total is the same on every page: asked for once, with the first.
    count: cursor ? undefined : ('true' as const),
  };
}
