import { createContext, useContext, type ReactNode } from 'react';
import type { OfficeSession } from '@pos/shared';
import type { OfficeHttp } from './office-http';

export interface OfficeContextValue {
  http: OfficeHttp;
  user: OfficeSession['user'];
  /** What the user's office role lets them do; HQ checks every call again. */
  permissions: OfficeSession['permissions'];
}

const OfficeContext = createContext<OfficeContextValue | null>(null);

/** What every signed-in office screen may use: the session's HQ client and its user. */
export function OfficeContextProvider({ value, children }: { value: OfficeContextValue; children: ReactNode }) {
  return <OfficeContext.Provider value={value}>{children}</OfficeContext.Provider>;
}

export function useOfficeContext(): OfficeContextValue {
  const value = useContext(OfficeContext);
  if (!value) throw new Error('office screen outside OfficeContextProvider');
  return value;
}

export function useOfficeHttp(): OfficeHttp {
  return useOfficeContext().http;
}

export function useOfficeUser(): OfficeSession['user'] {
  return useOfficeContext().user;
}

export function useOfficePermissions(): OfficeSession['permissions'] {
  return useOfficeContext().permissions;
}
