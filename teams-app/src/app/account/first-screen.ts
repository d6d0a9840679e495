// The calls of the account tab's first screen, without React: the tab's start and its early-requests script
// (account-early.ts) ask for the same, so the tab takes the answers already on their way.
import { NO_FILTER, timelineQuery } from './timeline-query';

// The shape the API's Uuid accepts; a mistyped or truncated id names no account, and the API would only answer "Invalid UUID".
// (Checked here rather than with the zod contract, which would bring zod into the tab's first bundle.)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isAccountId = (id: string | null): id is string => id !== null && UUID.test(id);

export const overviewCall = (accountId: string) => ({ params: { id: accountId } });

export const firstTimelinePage = (accountId: string) => ({ params: { id: accountId }, query: timelineQuery(NO_FILTER, null) });

/**
 * The two endpoints' method and path, as in common/src/api/routes.ts (first-screen.test.ts holds them equal): the early
 * script would more than double in size with the whole table, and the tab's first download has no room for that.
 */
export const FIRST_SCREEN_ROUTES = {
  accountOverview: ['GET', 'accounts/{id}/overview'],
  accountTimeline: ['GET', 'accounts/{id}/timeline'],
} as const;
