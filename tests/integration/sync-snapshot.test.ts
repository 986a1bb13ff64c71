import { barcodes, prices, products } from '@pos/hq-server/catalog/catalog.tables';
import { clerks } from '@pos/hq-server/org/org.tables';
import { Change, PullResponse, SNAPSHOT_ENTITIES, SnapshotBatch, SnapshotHead, changeDataSchema, type SnapshotEntity } from '@pos/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, pairTill, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let token: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  token = (await pairTill(f, 'S001')).deviceToken;
});
afterAll(() => database.close());

interface Snapshot {
  head: SnapshotHead;
  batches: SnapshotBatch[];
  rows: Map<SnapshotEntity, Record<string, unknown>[]>;
}

/** Reads a snapshot as a till's browser does: gzip undone, then line by line. */
async function readSnapshot(query = '', deviceToken = token): Promise<Snapshot> {
  const res = await f.app.request(`/sync/snapshot${query}`, bearer(deviceToken));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('gzip');
  expect(res.headers.get('content-type')).toBe('application/x-ndjson');
  const text = await new Response(res.body!.pipeThrough(new DecompressionStream('gzip'))).text();
  const [first, ...rest] = text.trimEnd().split('\n');
  const batches = rest.map((line) => SnapshotBatch.parse(JSON.parse(line)));
  const rows = new Map<SnapshotEntity, Record<string, unknown>[]>();
  for (const batch of batches) rows.set(batch.entity, [...(rows.get(batch.entity) ?? []), ...batch.rows.map((r) => changeDataSchema(batch.entity).parse(r) as Record<string, unknown>)]);
  return { head: SnapshotHead.parse(JSON.parse(first!)), batches, rows };
}

async function pullFrom(cursor: number): Promise<Change[]> {
  const changes: Change[] = [];
  for (;;) {
    const page = PullResponse.parse(await (await f.app.request(`/sync/pull?cursor=${cursor}&limit=1000`, bearer(token))).json());
    changes.push(...page.changes);
    if (!page.hasMore) return changes;
    cursor = page.cursor;
  }
}

const keyOf = (entity: SnapshotEntity, row: Record<string, unknown>) =>
  String({ barcode: row.code, pricing_settings: row.chainId, till_shortcuts: row.chainId, stored_value_allowance: row.chainId, points_earning: row.chainId, store_assortment: row.storeId, assortment_item: row.productId }[entity as string] ?? row.id);

describe('GET /sync/snapshot', () => {
  it('holds what the whole change feed holds, live rows only, each entity in byte order of its key, sellable entities first', async () => {
    const snap = await readSnapshot();
    const feed = await pullFrom(0);
    expect(snap.head.cursor).toBe(Math.max(...feed.map((c) => c.seq)));
    const latest = new Map<string, Change>();
    for (const change of feed) latest.set(`${change.entity}:${keyOf(change.entity, change.data as Record<string, unknown>)}`, change);
    for (const entity of SNAPSHOT_ENTITIES) {
      const rows = snap.rows.get(entity) ?? [];
      const live = [...latest.values()].filter((c) => c.entity === entity && (!('active' in c.data) || c.data.active));
      expect(rows.length, entity).toBe(live.length);
      expect(snap.head.counts[entity], entity).toBe(rows.length);
      const keys = rows.map((r) => keyOf(entity, r));
      expect(keys, entity).toEqual([...keys].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
      for (const row of rows) expect(latest.get(`${entity}:${keyOf(entity, row)}`)?.data, entity).toEqual(row);
    }
    expect(snap.rows.get('product')).toHaveLength(300);
    // Entities come in snapshot order, each ended once.
    const order = snap.batches.filter((b) => b.end).map((b) => b.entity);
    expect(order).toEqual([...SNAPSHOT_ENTITIES]);
  });

  it('resumes after a key: the rest of that entity and every entity after it', async () => {
    const whole = await readSnapshot();
    const productKeys = whole.rows.get('product')!.map((r) => keyOf('product', r));
    const resumed = await readSnapshot(`?entity=product&after=${productKeys[99]}`);
    expect(resumed.rows.get('product')!.map((r) => keyOf('product', r))).toEqual(productKeys.slice(100));
    expect(resumed.head.counts.product).toBe(200);
    expect(resumed.rows.has('clerk')).toBe(false);
    expect(resumed.rows.get('barcode')).toEqual(whole.rows.get('barcode'));
    expect(resumed.batches.filter((b) => b.end).map((b) => b.entity)).toEqual(SNAPSHOT_ENTITIES.slice(SNAPSHOT_ENTITIES.indexOf('product')));
  });

  it('misses no change: one made after the snapshot comes through the feed from its cursor, one before is in it, a retired row is not', async () => {
    const [product] = await f.deps.db.select().from(products).where(eq(products.chainId, f.chainId)).limit(1);
    await f.deps.db.update(products).set({ nameEn: 'Before the snapshot' }).where(and(eq(products.chainId, f.chainId), eq(products.id, product!.id)));
    const [retired] = await f.deps.db.update(prices).set({ active: false }).where(and(eq(prices.chainId, f.chainId), sql`store_id is null`, sql`id = (select id from prices where store_id is null and chain_id = ${f.chainId} limit 1)`)).returning();
    const snap = await readSnapshot();
    expect(snap.rows.get('product')!.find((p) => p.id === product!.id)?.nameEn).toBe('Before the snapshot');
    expect(snap.rows.get('price')!.some((p) => p.id === retired!.id)).toBe(false);
    await f.deps.db.update(products).set({ nameEn: 'After the snapshot' }).where(and(eq(products.chainId, f.chainId), eq(products.id, product!.id)));
    const after = await pullFrom(snap.head.cursor);
    expect(after.map((c) => c.entity === 'product' && c.data.nameEn)).toEqual(['After the snapshot']);
  });

  it.runIf(process.env.POS_TEST_DB === 'postgres')('takes its cursor so that a change still uncommitted when it starts comes through the feed', async () => {
    const [product] = await f.deps.db.select().from(products).where(eq(products.chainId, f.chainId)).limit(1);
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let stamped!: () => void;
    const written = new Promise<void>((resolve) => (stamped = resolve));
    const writer = f.deps.db.transaction(async (tx) => {
      await tx.update(products).set({ nameEn: 'Committed during the snapshot' }).where(and(eq(products.chainId, f.chainId), eq(products.id, product!.id)));
      stamped();
      await committed;
    });
    await written;
    // A later change of another chain moves the sequence past the uncommitted one.
    await f.deps.db.execute(sql`select nextval('sync_change_seq')`);
    const snap = await readSnapshot();
    commit();
    await writer;
    expect(snap.rows.get('product')!.find((p) => p.id === product!.id)?.nameEn).not.toBe('Committed during the snapshot');
    const after = await pullFrom(snap.head.cursor);
    expect(after.some((c) => c.entity === 'product' && c.data.id === product!.id && c.data.nameEn === 'Committed during the snapshot')).toBe(true);
  });

  it('never carries another store’s prices, clerks, store or assortment', async () => {
    const other = f.storeIds.S002!;
    const [otherPrices, otherClerks] = await Promise.all([
      f.deps.db.select().from(prices).where(and(eq(prices.chainId, f.chainId), eq(prices.storeId, other))),
      f.deps.db.select().from(clerks).where(and(eq(clerks.chainId, f.chainId), eq(clerks.storeId, other))),
    ]);
    expect(otherClerks.length).toBeGreaterThan(0);
    const snap = await readSnapshot();
    const own = f.storeIds.S001!;
    expect(snap.rows.get('store')!.map((s) => s.id)).toEqual([own]);
    expect(snap.rows.get('price')!.every((p) => p.storeId === null || p.storeId === own)).toBe(true);
    expect(snap.rows.get('clerk')!.every((c) => c.storeId === null || c.storeId === own)).toBe(true);
    const ids = new Set([...snap.rows.get('price')!, ...snap.rows.get('clerk')!].map((r) => r.id));
    expect([...otherPrices, ...otherClerks].some((r) => ids.has(r.id))).toBe(false);
  });

  it('advises a till far behind to load a snapshot: more than half of what one holds changed since its cursor', async () => {
    const pull = async (cursor: number) => PullResponse.parse(await (await f.app.request(`/sync/pull?cursor=${cursor}&limit=100`, bearer(token))).json());
    const { head } = await readSnapshot();
    await f.deps.db.update(products).set({ nameZh: products.nameZh }).where(eq(products.chainId, f.chainId));
    expect((await pull(head.cursor)).catchUp).toBeUndefined();
    await f.deps.db.update(barcodes).set({ active: barcodes.active }).where(eq(barcodes.chainId, f.chainId));
    const behind = await pull(head.cursor);
    expect(behind).toMatchObject({ hasMore: true, catchUp: 'snapshot' });
    expect(behind.changes).toHaveLength(100);
    expect((await pull((await readSnapshot()).head.cursor)).catchUp).toBeUndefined();
  });

  it('refuses a bad query with 400 and a till without a token with 401', async () => {
    for (const query of ['?after=abc', '?entity=sales', `?entity=product&after=${'x'.repeat(201)}`]) {
      const res = await f.app.request(`/sync/snapshot${query}`, bearer(token));
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await f.app.request('/sync/snapshot')).status).toBe(401);
  });
});
