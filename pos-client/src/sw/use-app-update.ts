import { useSyncExternalStore } from 'react';
import { applyUpdate, isUpdateWaiting, subscribeToUpdate } from './register-sw';

export function useAppUpdate() {
  const waiting = useSyncExternalStore(subscribeToUpdate, isUpdateWaiting);
  return { waiting, applyUpdate };
}
