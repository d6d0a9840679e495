// Entry of the account tab (account.html?accountId=...); without an account it offers the picker, as standalone previews need.
import { AccountTab } from './app/account/AccountTab';
import { UnboundTab } from './app/account/UnboundTab';
import { startTab } from './start';

const accountId = new URLSearchParams(location.search).get('accountId');
void startTab(() => (accountId ? <AccountTab accountId={accountId} /> : <UnboundTab />));
