// What the tabs' components share: the API client and the Teams host, passed down rather than imported as globals.
import { createServices, type ApiClient } from '@crm/common/web';
import type { TabHost } from '../host/tab-host';

export interface TabServices {
  api: ApiClient;
  host: TabHost;
}

export const { ServicesProvider, useServices } = createServices<TabServices>('Teams tab');
