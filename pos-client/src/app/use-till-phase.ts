import type { PairedDevice } from '@pos/shared';
import type { ClerkSignIn } from '../db/till-db';
import { useLiveQuery } from '../db/use-live-query';
import { useTillServices } from './services-context';

export type TillPhase =
  | { kind: 'loading' }
  | { kind: 'unpaired' }
  | { kind: 'initial-pull'; pairing: PairedDevice }
  | { kind: 'signed-out'; pairing: PairedDevice }
  | { kind: 'selling'; pairing: PairedDevice; session: ClerkSignIn };

/** Which screen the till is at, read from Dexie so every tab and every reload agrees. */
export function useTillPhase(): TillPhase {
  const { db } = useTillServices();
  const state = useLiveQuery(
    async () => ({ pairing: await db.getMeta('pairing'), sync: await db.getSyncMeta(), session: await db.getMeta('session') }),
    [db],
  );
  if (!state) return { kind: 'loading' };
  const { pairing, sync, session } = state;
  if (!pairing) return { kind: 'unpaired' };
  if (!sync.initialPullDoneAt) return { kind: 'initial-pull', pairing };
  if (!session) return { kind: 'signed-out', pairing };
  return { kind: 'selling', pairing, session };
}
