// Entry of the account tab (account.html?accountId=...); without a usable account it offers the picker, as standalone previews need.
import { AccountTab, type FirstScreen } from './app/account/AccountTab';
import { firstTimelinePage, isAccountId, overviewCall } from './app/account/first-screen';
import { LaterUnboundTab } from './app/account/LaterUnboundTab';
import { startTab } from './start';

const accountId = new URLSearchParams(location.search).get('accountId');
// The overview and the first timeline page are asked for while React starts, not after its first commit (standalone,
// account-early.ts has usually sent them even before this bundle ran); when they answer in time, the first screen is
// rendered once, with them.
void startTab<FirstScreen>(
  (_services, first) =>
    accountId === null ? <LaterUnboundTab /> : isAccountId(accountId) ? <AccountTab accountId={accountId} first={first} /> : <LaterUnboundTab missing />,
  undefined,
  isAccountId(accountId)
    ? async (start) => {
        const [overview, timeline] = await Promise.all([
          start('accountOverview', overviewCall(accountId)),
          start('accountTimeline', firstTimelinePage(accountId)),
        ]);
        return { overview: overview.data, timeline: timeline.data };
      }
    : undefined,
);
