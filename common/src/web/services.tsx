// A front-end's services (API client and host), handed down through React context rather than imported as globals.
import { createContext, useContext, type ReactNode } from 'react';

export function createServices<S>(name: string) {
  const Context = createContext<S | null>(null);
  function ServicesProvider({ services, children }: { services: S; children: ReactNode }) {
    return <Context.Provider value={services}>{children}</Context.Provider>;
  }
  function useServices(): S {
    const services = useContext(Context);
    if (!services) throw new Error(`${name} ServicesProvider missing`);
    return services;
  }
  return { ServicesProvider, useServices };
}
