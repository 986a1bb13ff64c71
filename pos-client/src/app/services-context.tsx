import { createContext, useContext, type ReactNode } from 'react';
import type { TillServices } from './till-services';

const ServicesContext = createContext<TillServices | null>(null);

export function ServicesProvider({ services, children }: { services: TillServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useTillServices(): TillServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useTillServices outside ServicesProvider');
  return services;
}
