// A classic script in the account tab's head, run before the tab's bundle is even fetched: standalone, with this tab's
// development token in the session, it sends the overview and the first timeline page at once, and the bundle's API
// client takes their answers (common/src/web/api/early-responses.ts). The trace of the tab's first render had them
// leave 20-30 ms after the page was parsed, once the bundle had loaded and run. Inside Teams the token comes from MSAL,
// which only the bundle loads, so there it does nothing and the bundle's own early requests remain.
import { languageOf, routeRequest, sendEarly, storedDevToken } from '@crm/common/web/early';
import { FIRST_SCREEN_ROUTES, firstTimelinePage, isAccountId, overviewCall } from './app/account/first-screen';

const url = new URL(location.href);
const accountId = url.searchParams.get('accountId');
const token = window.parent === window ? storedDevToken(location.origin) : null;
if (token && isAccountId(accountId)) {
  // The language the standalone host gives the tab (host/standalone-host.ts), which the client sends as Accept-Language.
  const language = languageOf(url.searchParams.get('lang') ?? navigator.language);
  for (const request of [
    routeRequest(location.origin, FIRST_SCREEN_ROUTES.accountOverview, overviewCall(accountId), language),
    routeRequest(location.origin, FIRST_SCREEN_ROUTES.accountTimeline, firstTimelinePage(accountId), language),
  ]) {
    sendEarly(request.url, { ...request.headers, authorization: `Bearer ${token}` });
  }
}
