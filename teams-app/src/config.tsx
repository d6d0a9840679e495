// Entry of the account tab's configuration page, which Teams opens when the tab is added.
import { ConfigPage } from './app/config/ConfigPage';
import { startTab } from './start';

void startTab(() => <ConfigPage pagesBase={new URL('./', location.href).toString()} />, 'settings');
