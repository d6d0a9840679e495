// Entry of the task pane inside Outlook: Office.js host, Entra ID sign-in, configuration from the page.
import { createRoot } from 'react-dom/client';
import { createApiClient, naaTokenProvider, readPageConfig, type PageConfig } from '@crm/common/web';
import { officeAuthDialog } from './host/office-auth-dialog';
import { readyOffice } from './host/office-global';
import { officeMailHost } from './host/office-mail-host';
import { apiSendCheck } from './send-check/send-check';
import { PaneShell } from './app/PaneShell';
import { TaskPane } from './app/TaskPane';

const root = document.getElementById('root')!;

async function start() {
  const ready = await readyOffice();
  if (!ready?.inOutlook) {
    // Opened in a plain browser: the same pane runs in the preview mailbox instead.
    location.replace(new URL('./', location.href).toString());
    return;
  }
  const { office } = ready;
  const config = readPageConfig<PageConfig & { graphScope: string; teamsAppId: string; teamsTabEntityId: string }>(document);
  // Both scopes come from the one MSAL client of this client id; Outlook blocks popups, so the Office dialog signs in instead.
  const dialog = { host: officeAuthDialog(office), pageUrl: new URL('./auth-dialog.html', location.href).toString() };
  const tokens = naaTokenProvider(config, { dialog });
  const graphTokens = naaTokenProvider(config, { scope: config.graphScope, dialog });
  const api = createApiClient({ baseUrl: config.apiBaseUrl, tokens });
  const host = officeMailHost(office, {
    graphToken: () => graphTokens.getToken(),
    sendCheck: apiSendCheck(api),
    // The add-in is served at /addin/, the tabs beside it at /teams/.
    teamsTab: { appId: config.teamsAppId, entityId: config.teamsTabEntityId, pageUrl: new URL('../teams/account.html', location.href).toString() },
  });
  createRoot(root).render(
    <PaneShell services={{ host, api }}>
      <TaskPane />
    </PaneShell>,
  );
}

void start();
