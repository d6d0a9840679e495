// Entry of the sign-in page the task pane opens in the Office dialog (dist/auth-dialog.html).
import { readPageConfig, runAuthDialog } from '@crm/common/web';
import { messageParentPage } from './host/office-auth-dialog';
import { readyOffice } from './host/office-global';

async function start() {
  const ready = await readyOffice();
  // Outside the Office dialog there is no task pane to answer, so the page has nothing to do.
  if (!ready) return;
  await runAuthDialog(readPageConfig(document), messageParentPage(ready.office, location.href));
}

void start();
