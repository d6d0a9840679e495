// What the tabs' components share: the API client and the Teams host, passed down rather than imported as globals.
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '@crm/common/web';
import type { TabHost } from '../host/tab-host';

export interface TabServices {
  api: ApiClient;
  host: TabHost;
}

const ServicesContext = createContext<TabServices | null>(null);

export function ServicesProvider({ services, children }: { services: TabServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): TabServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider missing');
  return services;
}
