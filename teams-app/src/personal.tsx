// Entry of the personal tab "My CRM"; a deep link naming an account goes on to that account's page.
import { MyWorkTab } from './app/personal/MyWorkTab';
import { deepLinkedAccountPage } from './app/personal/deep-link';
import { startTab } from './start';

void startTab(({ host }) => {
  const account = deepLinkedAccountPage(host.subPageId, location.href);
  if (account) location.replace(account);
  return account ? null : <MyWorkTab />;
});
