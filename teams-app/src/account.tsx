// Entry of the account tab (account.html?accountId=...); without a usable account it offers the picker, as standalone previews need.
import { AccountTab } from './app/account/AccountTab';
import { LaterUnboundTab } from './app/account/LaterUnboundTab';
import { NO_FILTER, timelineQuery } from './app/account/use-timeline';
import { startTab } from './start';

// The shape the API's Uuid accepts; a mistyped or truncated id names no account, and the API would only answer "Invalid UUID".
// (Checked here rather than with the zod contract, which would bring zod into the tab's first bundle.)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const accountId = new URLSearchParams(location.search).get('accountId');
const page = accountId === null ? <LaterUnboundTab /> : UUID.test(accountId) ? <AccountTab accountId={accountId} /> : <LaterUnboundTab missing />;
// The overview and the first timeline page are asked for while React starts, not after its first commit.
void startTab(
  () => page,
  undefined,
  accountId !== null && UUID.test(accountId)
    ? (start) => {
        void start('accountOverview', { params: { id: accountId } });
        void start('accountTimeline', { params: { id: accountId }, query: timelineQuery(NO_FILTER, null) });
      }
    : undefined,
);
