// Entry of the event runtime (Smart Alerts send check, recipients changed). Classic Outlook on Windows loads this file
// alone, without an HTML page, so the build bundles it into one script without imports and writes the deployment's
// settings into it (CRM_PAGE_CONFIG) instead of into a page.
import { createApiClient, naaTokenProvider, type PageConfig } from '@crm/common/web/client';
import { eventRuntimeOffice, registerSendCheck } from './host/office-send-check';
import { apiSendCheck } from './send-check/send-check';
import { apiLogInteraction } from './send-check/log-when-sent';

declare const CRM_PAGE_CONFIG: PageConfig;

const office = eventRuntimeOffice();
if (office) {
  const api = createApiClient({ baseUrl: CRM_PAGE_CONFIG.apiBaseUrl, tokens: naaTokenProvider(CRM_PAGE_CONFIG) });
  registerSendCheck(office, apiSendCheck(api), apiLogInteraction(api));
}
