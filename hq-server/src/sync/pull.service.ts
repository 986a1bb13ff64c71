import { SNAPSHOT_ADVISED_AFTER, type Change, type PullQuery, type PullResponse } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedQuery, query } from '../db/query';
import type { DevicePrincipal } from '../http/app-env';
import { refuseClosedStore } from '../org/store-open';
import type { TillContact } from '../till-monitor/till-contact.service';
import { snapshotRowCount } from './snapshot.service';
import { entityRows, syncEntities, type SyncScope } from './sync-entities';

/** Each entity's changes after the cursor, as one sub-select, in sequence order and limited. */
export function entitySelects(device: SyncScope, cursor: number, limit: number): SQL[] {
  return syncEntities(device).map((e) => sql`(
    select change_seq as seq, ${e.entity}::text as entity, ${e.data} as data ${entityRows(e, device, sql`change_seq > ${cursor}`)}
    order by change_seq limit ${limit})`);
}

/**
 * Changes after the cursor, in sequence order, in one statement so they come from one
 * snapshot. Each entity's sub-select is limited too, so the merged page is exactly the
 * first `limit` changes of all entities together. A till whose cursor is at the change
 * sequence's head, as its contact read it, has every change: it is answered without a look.
 */
export async function pullChanges(db: Db, { device, storeOpen, changeHead }: TillContact, { cursor, limit }: PullQuery): Promise<PullResponse> {
  refuseClosedStore(storeOpen);
  if (cursor >= changeHead) return { changes: [], cursor, hasMore: false, headSeq: changeHead };
  const union = sql.join(entitySelects(device, cursor, limit + 1), sql` union all `);
  const rows = await preparedQuery<{ seq: string | number; entity: Change['entity']; data: unknown }>(
    db,
    sql`select seq, entity, data from (${union}) as changes order by seq limit ${limit + 1}`,
  );
  const all = rows.map((row) => ({ seq: Number(row.seq), entity: row.entity, data: row.data }) as Change);
  const changes = all.slice(0, limit);
  const hasMore = all.length > limit;
  const catchUp = hasMore && (await farBehind(db, device, cursor)) ? 'snapshot' : undefined;
  const last = changes.at(-1)?.seq ?? cursor;
  return { changes, cursor: last, hasMore, headSeq: Math.max(changeHead, last), ...(catchUp ? { catchUp } : {}) };
}

/**
 * Whether a snapshot brings the till up to date sooner than the feed: more than
 * `SNAPSHOT_ADVISED_AFTER` rows changed since its cursor, or more than half of what a snapshot
 * holds. (The feed carries each changed row once, however often it changed.)
 */
async function farBehind(db: Db, device: DevicePrincipal, cursor: number): Promise<boolean> {
  const behind = await changesAfter(db, device, cursor, SNAPSHOT_ADVISED_AFTER + 1);
  return behind > SNAPSHOT_ADVISED_AFTER || behind * 2 > (await snapshotRowCount(db, device, behind * 2 + 1));
}

/** How many changes the till has after its cursor, counted no further than `atMost`. */
async function changesAfter(db: Db, device: DevicePrincipal, cursor: number, atMost: number): Promise<number> {
  const counts = syncEntities(device).map((e) => sql`(select 1 ${entityRows(e, device, sql`change_seq > ${cursor}`)} limit ${atMost})`);
  const [row] = await query<{ n: string | number }>(db, sql`select count(*) as n from (${sql.join(counts, sql` union all `)}) as behind`);
  return Number(row?.n ?? 0);
}
