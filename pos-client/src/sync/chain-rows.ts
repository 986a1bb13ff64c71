import type { Change, SnapshotEntity } from '@pos/shared';
import type { TillDb } from '../db/till-db';

/** The entities of which the chain has one row, which the till keeps as one value in `meta`. */
export type ChainRowEntity = 'till_shortcuts' | 'stored_value_allowance';
export type ChainRowChange = Extract<Change, { entity: ChainRowEntity }>;

export const isChainRowEntity = (entity: SnapshotEntity): entity is ChainRowEntity => entity === 'till_shortcuts' || entity === 'stored_value_allowance';

const metaKeyOf = { till_shortcuts: 'tillShortcuts', stored_value_allowance: 'offlineAllowance' } as const satisfies Record<ChainRowEntity, string>;

/** Keeps the chain's row as pulled: the shortcuts map, or the offline stored-value allowance. */
export async function putChainRow(db: TillDb, change: ChainRowChange): Promise<void> {
  if (change.entity === 'till_shortcuts') await db.putMeta('tillShortcuts', change.data.shortcuts);
  else await db.putMeta('offlineAllowance', change.data);
}

/** Forgets the chain's row: HQ holds none, so the till's defaults apply. */
export async function deleteChainRow(db: TillDb, entity: ChainRowEntity): Promise<void> {
  await db.meta.delete(metaKeyOf[entity]);
}
