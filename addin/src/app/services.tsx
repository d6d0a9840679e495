// What the pane's components share: the API client and the mail host, passed down rather than imported as globals.
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '@crm/common/web';
import type { MailHost } from '../host/mail-host';

export interface PaneServices {
  api: ApiClient;
  host: MailHost;
}

const ServicesContext = createContext<PaneServices | null>(null);

export function ServicesProvider({ services, children }: { services: PaneServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider missing');
  return services;
}
