/// <reference types="office-js" />
// Entry of the sign-in page the task pane opens in the Office dialog (dist/auth-dialog.html).
import { readPageConfig, runAuthDialog } from '@crm/common/web';
import { messageParentPage } from './host/office-auth-dialog';

async function start() {
  const office = (window as { Office?: typeof Office }).Office;
  // Outside the Office dialog there is no task pane to answer, so the page has nothing to do.
  if (!office) return;
  await office.onReady();
  await runAuthDialog(readPageConfig(document), messageParentPage(office, location.href));
}

void start();
