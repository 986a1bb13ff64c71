import {
  SNAPSHOT_ENTITIES, SNAPSHOT_SELLABLE_AFTER, SnapshotBatch, SnapshotHead, changeDataSchema,
  type Change, type SnapshotEntity,
} from '@pos/shared';
import Dexie, { type IndexableType, type Table } from 'dexie';
import { TillDb, type SnapshotLoad } from '../db/till-db';
import type { HqClient } from '../hq/hq-client';
import type { HqResult } from '../hq/hq-failure';
import { deleteChainRow, isChainRowEntity, putChainRow, type ChainRowChange, type ChainRowEntity } from './chain-rows';
import { snapshotLines } from './snapshot-lines';

export interface SnapshotProgress {
  totals: Record<SnapshotEntity, number>;
  loaded: Record<SnapshotEntity, number>;
  /** Products, barcodes, prices and all a sale needs are in: the till may sell. */
  sellable: boolean;
}

export interface SnapshotDeps {
  db: TillDb;
  hq: HqClient;
  now: () => Date;
}

/** Where one entity's rows go on the till, and the till's key of a row and of a snapshot key. */
interface Destination {
  table: Table<object, IndexableType>;
  keyOf(row: object): IndexableType;
  keyFor(snapshotKey: string): IndexableType;
  rowOf?(row: object): object;
}

const byId = (table: Table<never, string>): Destination => ({
  table: table as unknown as Table<object, IndexableType>,
  keyOf: (row) => (row as { id: string }).id,
  keyFor: (key) => key,
});
const by = <K extends string>(table: Table<never, string>, field: K): Destination => ({
  table: table as unknown as Table<object, IndexableType>,
  keyOf: (row) => (row as Record<K, string>)[field],
  keyFor: (key) => key,
});

/** The till table of each entity; the chain's one-row entities live in `meta` and are written apart (`chain-rows.ts`). */
export function destinations(db: TillDb, storeId: string): Record<Exclude<SnapshotEntity, ChainRowEntity>, Destination> {
  return {
    store: byId(db.stores as never),
    pricing_settings: by(db.pricingSettings as never, 'chainId'),
    till_role: byId(db.tillRoles as never),
    clerk: byId(db.clerks as never),
    store_assortment: by(db.storeAssortments as never, 'storeId'),
    assortment_item: {
      table: db.assortmentItems as unknown as Table<object, IndexableType>,
      keyOf: (row) => [(row as { storeId: string }).storeId, (row as { productId: string }).productId],
      keyFor: (key) => [storeId, key],
    },
    category: byId(db.categories as never),
    product: byId(db.products as never),
    barcode: by(db.barcodes as never, 'code'),
    price: { ...byId(db.prices as never), rowOf: (row) => ({ ...row, memberLevelId: (row as { memberLevelId?: string | null }).memberLevelId ?? null }) },
    promotion: byId(db.promotions as never),
    member_level: byId(db.memberLevels as never),
    cash_reason: byId(db.cashReasons as never),
  };
}

const zeros = () => Object.fromEntries(SNAPSHOT_ENTITIES.map((e) => [e, 0])) as Record<SnapshotEntity, number>;
const isSellable = (next: SnapshotLoad['next']) => next === null || SNAPSHOT_ENTITIES.indexOf(next.entity) > SNAPSHOT_ENTITIES.indexOf(SNAPSHOT_SELLABLE_AFTER);
export const progressOf = (load: SnapshotLoad): SnapshotProgress => ({ totals: load.totals, loaded: load.loaded, sellable: isSellable(load.next) });

/** Where the load stands after a batch: the next key of this entity, or the start of the next entity. */
export function advance(next: NonNullable<SnapshotLoad['next']>, batch: SnapshotBatch): SnapshotLoad['next'] {
  if (!batch.end) return { entity: batch.entity, after: batch.lastKey ?? next.after };
  const following = SNAPSHOT_ENTITIES[SNAPSHOT_ENTITIES.indexOf(batch.entity) + 1];
  return following ? { entity: following, after: null } : null;
}

/**
 * Writes one batch in one transaction with where the load stands. Rows the till holds whose keys
 * lie after the previous batch's last key and up to this one's, and are not in it, are gone at
 * HQ and deleted; so are those after an ended entity's last key. A till that held a catalog
 * (one far behind) is thus left holding exactly the snapshot, and a batch applied twice (a
 * resume after a crash) changes nothing.
 */
export async function applySnapshotBatch(db: TillDb, storeId: string, load: SnapshotLoad, batch: SnapshotBatch, rows: readonly object[]): Promise<SnapshotLoad> {
  const from = load.next;
  if (!from || from.entity !== batch.entity) throw new Error(`snapshot batch of ${batch.entity} where ${from?.entity ?? 'nothing'} was due`);
  const next: SnapshotLoad = { ...load, loaded: { ...load.loaded, [batch.entity]: load.loaded[batch.entity] + rows.length }, next: advance(from, batch) };
  const entity = batch.entity;
  if (isChainRowEntity(entity)) {
    await db.transaction('rw', db.meta, async () => {
      const row = rows.at(-1);
      if (row) await putChainRow(db, { entity, data: row } as ChainRowChange);
      else if (from.after === null && batch.end) await deleteChainRow(db, entity);
      await db.putMeta('snapshotLoad', next);
    });
    return next;
  }
  const destination = destinations(db, storeId)[entity];
  const { table } = destination;
  await db.transaction('rw', [table, db.meta], async () => {
    const lower = from.after === null ? Dexie.minKey : destination.keyFor(from.after);
    const upper = batch.end || batch.lastKey === null ? Dexie.maxKey : destination.keyFor(batch.lastKey);
    const held = await table.where(':id').between(lower, upper, from.after === null, true).primaryKeys();
    if (held.length > 0) {
      const kept = new Set(rows.map((row) => JSON.stringify(destination.keyOf(row))));
      const gone = held.filter((key) => !kept.has(JSON.stringify(key)));
      if (gone.length > 0) await table.bulkDelete(gone);
    }
    await table.bulkPut(destination.rowOf ? rows.map(destination.rowOf) : [...rows]);
    await db.putMeta('snapshotLoad', next);
    if (batch.entity === 'store') {
      const pairing = await db.getMeta('pairing');
      const own = rows.find((row) => (row as { id: string }).id === storeId) as Extract<Change, { entity: 'store' }>['data'] | undefined;
      if (pairing && own) await db.putMeta('pairing', { ...pairing, store: own });
    }
  });
  return next;
}

/** Starts a snapshot load from HQ's head line, or goes on with the one begun (its cursor kept, its totals brought up to date). */
export function loadFromHead(held: SnapshotLoad | undefined, head: SnapshotHead, now: string): SnapshotLoad {
  if (!held?.next) return { cursor: head.cursor, totals: head.counts, loaded: zeros(), next: { entity: SNAPSHOT_ENTITIES[0], after: null }, startedAt: now };
  const from = SNAPSHOT_ENTITIES.indexOf(held.next.entity);
  const totals = Object.fromEntries(SNAPSHOT_ENTITIES.map((e, i) => [e, i < from ? held.totals[e] : (i === from ? held.loaded[e] : 0) + head.counts[e]]));
  return { ...held, totals: totals as Record<SnapshotEntity, number> };
}

/**
 * Loads the catalog from a snapshot, or goes on with one a reload or a broken stream left
 * half-loaded: batch by batch, each in one transaction with where the load stands. Once what
 * a sale needs is in, the first pull counts as done and the till may sell while the rest loads.
 * Once all is in, the change feed goes on from the snapshot's cursor. Performance marks
 * (`catalog-snapshot-start`, `-sellable`, `-loaded`) time it.
 */
export async function loadSnapshot({ db, hq, now }: SnapshotDeps, onProgress: (progress: SnapshotProgress) => void = () => undefined): Promise<HqResult<SnapshotProgress>> {
  const pairing = await db.getMeta('pairing');
  if (!pairing) return { ok: false, failure: { kind: 'http', status: 401, code: 'UNAUTHENTICATED', message: 'this till is not paired', details: undefined } };
  const held = await db.getMeta('snapshotLoad');
  performance.mark('catalog-snapshot-start');
  const opened = await hq.snapshot(pairing.deviceToken, held?.next ?? null);
  if (!opened.ok) return opened;
  // Written through a relaxed connection: a batch lost to a power cut is simply loaded again.
  const writer = new TillDb(db.name, 'relaxed');
  const invalid = { ok: false as const, failure: { kind: 'invalid-response' as const, status: 200 } };
  try {
    let load: SnapshotLoad | null = null;
    for await (const line of snapshotLines(opened.value)) {
      if (!load) {
        const head = SnapshotHead.safeParse(JSON.parse(line));
        if (!head.success) return invalid;
        load = loadFromHead(held, head.data, now().toISOString());
        await writer.putMeta('snapshotLoad', load);
        onProgress(progressOf(load));
        continue;
      }
      const batch = SnapshotBatch.safeParse(JSON.parse(line));
      if (!batch.success || !load.next) return invalid;
      const schema = changeDataSchema(batch.data.entity);
      const rows: object[] = [];
      for (const row of batch.data.rows) {
        const parsed = schema.safeParse(row);
        if (!parsed.success) return invalid;
        rows.push(parsed.data);
      }
      const wasSellable = isSellable(load.next);
      load = await applySnapshotBatch(writer, pairing.store.id, load, batch.data, rows);
      if (!wasSellable && isSellable(load.next)) {
        await markFirstPullDone(writer, now().toISOString());
        performance.mark('catalog-snapshot-sellable');
      }
      onProgress(progressOf(load));
    }
    if (!load || load.next) return { ok: false, failure: { kind: 'unreachable' } };
    await finishLoad(writer, load, now().toISOString());
    performance.mark('catalog-snapshot-loaded');
    return { ok: true, value: progressOf(load) };
  } catch (error) {
    if (error instanceof SyntaxError) return invalid;
    if (error instanceof TypeError) return { ok: false, failure: { kind: 'unreachable' } };
    throw error;
  } finally {
    writer.close();
  }
}

async function markFirstPullDone(db: TillDb, now: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sync = await db.getSyncMeta();
    if (!sync.initialPullDoneAt) await db.putMeta('sync', { ...sync, initialPullDoneAt: now });
  });
}

/** All is in: the change feed goes on from the snapshot's cursor, and the load is forgotten. */
async function finishLoad(db: TillDb, load: SnapshotLoad, now: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sync = await db.getSyncMeta();
    await db.putMeta('sync', { ...sync, cursor: load.cursor, headSeq: Math.max(sync.headSeq, load.cursor), lastPullAt: now, initialPullDoneAt: sync.initialPullDoneAt ?? now });
    await db.meta.delete('snapshotLoad');
  });
}
