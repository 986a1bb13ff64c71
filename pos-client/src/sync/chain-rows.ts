import type { Change, SnapshotEntity } from '@pos/shared';
import type { TillDb } from '../db/till-db';

/** The entities of which the chain has one row, which the till keeps as one value in `meta`. */
export type ChainRowEntity = 'till_shortcuts' | 'stored_value_allowance' | 'points_earning';
export type ChainRowChange = Extract<Change, { entity: ChainRowEntity }>;

const metaKeyOf = { till_shortcuts: 'tillShortcuts', stored_value_allowance: 'offlineAllowance', points_earning: 'pointsEarning' } as const satisfies Record<ChainRowEntity, string>;

export const isChainRowEntity = (entity: SnapshotEntity): entity is ChainRowEntity => entity in metaKeyOf;

/** Keeps the chain's row as pulled: the shortcuts map, the offline stored-value allowance, or the points earning rules. */
export async function putChainRow(db: TillDb, change: ChainRowChange): Promise<void> {
  switch (change.entity) {
    case 'till_shortcuts':
      return db.putMeta('tillShortcuts', change.data.shortcuts);
    case 'stored_value_allowance':
      return db.putMeta('offlineAllowance', change.data);
    case 'points_earning':
      return db.putMeta('pointsEarning', change.data);
  }
}

/** Forgets the chain's row: HQ holds none, so the till's defaults apply. */
export async function deleteChainRow(db: TillDb, entity: ChainRowEntity): Promise<void> {
  await db.meta.delete(metaKeyOf[entity]);
}
