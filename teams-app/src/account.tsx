// Entry of the account tab (account.html?accountId=...); without a usable account it offers the picker, as standalone previews need.
import { AccountTab } from './app/account/AccountTab';
import { firstTimelinePage, isAccountId, overviewCall } from './app/account/first-screen';
import { LaterUnboundTab } from './app/account/LaterUnboundTab';
import { startTab } from './start';

const accountId = new URLSearchParams(location.search).get('accountId');
const page = accountId === null ? <LaterUnboundTab /> : isAccountId(accountId) ? <AccountTab accountId={accountId} /> : <LaterUnboundTab missing />;
// The overview and the first timeline page are asked for while React starts, not after its first commit (standalone,
// account-early.ts has usually sent them even before this bundle ran).
void startTab(
  () => page,
  undefined,
  isAccountId(accountId)
    ? (start) => {
        void start('accountOverview', overviewCall(accountId));
        void start('accountTimeline', firstTimelinePage(accountId));
      }
    : undefined,
);
