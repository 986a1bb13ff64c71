import { useSyncExternalStore } from 'react';
import { useTillServices } from '../app/services-context';
import { useLiveQuery } from '../db/use-live-query';

/** The worker's live status with the outbox counts and the last sync time from Dexie. */
export function useSyncStatus() {
  const { db, sync } = useTillServices();
  const status = useSyncExternalStore(sync.subscribe, sync.getStatus);
  const stored = useLiveQuery(
    async () => ({
      unsent: await db.outbox.where('state').equals('pending').count(),
      rejected: await db.outbox.where('state').equals('rejected').count(),
      lastPullAt: (await db.getSyncMeta()).lastPullAt,
    }),
    [db],
  );
  return { ...status, unsent: stored?.unsent ?? 0, rejected: stored?.rejected ?? 0, lastSyncAt: stored?.lastPullAt ?? null };
}

export function useRejectedDocuments() {
  const { db } = useTillServices();
  return useLiveQuery(() => db.outbox.where('state').equals('rejected').toArray(), [db]) ?? [];
}
