import { useMemo, useSyncExternalStore } from 'react';
import { defaultTillPermissions, type TillPermissions } from '@pos/shared';
import { useTillServices } from '../../app/services-context';
import { useLiveQuery } from '../../db/use-live-query';
import { KeyGate, type GateClerk } from './key-gate';
import { tillPermissionsOf } from './till-permissions-of';

/**
 * The signed-in clerk's key gate for the sell screen, the key waiting for a manager (for the
 * approval dialog), and the clerk's permissions as pulled, kept current as pulls change them
 * (the defaults of their clerk role until they are read).
 */
export function useKeyGate(storeId: string, clerk: GateClerk) {
  const services = useTillServices();
  const gate = useMemo(() => new KeyGate(services, storeId, clerk), [services, storeId, clerk.clerkId, clerk.role]);
  const asking = useSyncExternalStore(gate.subscribe, gate.getSnapshot);
  const permissions: TillPermissions =
    useLiveQuery(() => tillPermissionsOf(services.db, clerk.clerkId, clerk.role), [services.db, clerk.clerkId, clerk.role]) ?? defaultTillPermissions(clerk.role);
  return { gate, asking, permissions };
}
