// What the pane's components share: the API client and the mail host, passed down rather than imported as globals.
import { createServices, type ApiClient } from '@crm/common/web';
import type { MailHost } from '../host/mail-host';

export interface PaneServices {
  api: ApiClient;
  host: MailHost;
}

export const { ServicesProvider, useServices } = createServices<PaneServices>('task pane');
