import { SNAPSHOT_ENTITIES, type SnapshotBatch, type SnapshotEntity, type SnapshotHead } from '@pos/shared';
import { describe, expect, it, vi } from 'vitest';
import { cola, colaPrice, createTestDb, ids, pairedDevice } from '../db/test-db.fixture';
import type { TillDb } from '../db/till-db';
import type { HqClient } from '../hq/hq-client';
import { loadSnapshot, type SnapshotProgress } from './load-snapshot';
import { snapshotLines } from './snapshot-lines';

const now = () => new Date('2025-03-01T10:00:00.000Z');
const productId = (n: number) => `0195505c-0000-7000-8000-00000000010${n}`;
const product = (n: number) => ({ ...cola, id: productId(n), sku: `SKU-${n}`, nameEn: `Product ${n}` });

const counts = (some: Partial<Record<SnapshotEntity, number>>): SnapshotHead['counts'] =>
  Object.fromEntries(SNAPSHOT_ENTITIES.map((e) => [e, some[e] ?? 0])) as SnapshotHead['counts'];
/** Every entity after `from` ended with no rows, as HQ sends the empty ones. */
const emptyFrom = (from: SnapshotEntity): SnapshotBatch[] =>
  SNAPSHOT_ENTITIES.slice(SNAPSHOT_ENTITIES.indexOf(from)).map((entity) => ({ entity, rows: [], lastKey: null, end: true }));

/** A body in chunks cut across lines, as a network delivers it. */
function body(lines: readonly unknown[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 37) controller.enqueue(bytes.slice(i, i + 37));
      controller.close();
    },
  });
}

function fakeHq(...streams: unknown[][]) {
  const snapshot = vi.fn(async () => ({ ok: true as const, value: body(streams.shift() ?? []) }));
  return { hq: { snapshot } as unknown as HqClient, snapshot };
}

async function pairedDb(): Promise<TillDb> {
  const db = createTestDb();
  await db.putMeta('pairing', pairedDevice);
  return db;
}

describe('loadSnapshot', () => {
  it('loads a new till batch by batch, opens selling once a sale’s needs are in, and goes on from the snapshot’s cursor', async () => {
    const db = await pairedDb();
    const { hq } = fakeHq([
      { cursor: 420, counts: counts({ store: 1, product: 3, price: 1 }) },
      { entity: 'store', rows: [pairedDevice.store], lastKey: ids.store, end: true },
      ...emptyFrom('pricing_settings').slice(0, SNAPSHOT_ENTITIES.indexOf('product') - 1),
      { entity: 'product', rows: [product(1), product(2)], lastKey: productId(2), end: false },
      { entity: 'product', rows: [product(3)], lastKey: productId(3), end: true },
      { entity: 'barcode', rows: [], lastKey: null, end: true },
      { entity: 'price', rows: [{ ...colaPrice, memberLevelId: undefined }], lastKey: ids.colaPrice, end: true },
      ...emptyFrom('promotion'),
    ]);
    const seen: { progress: SnapshotProgress }[] = [];
    const result = await loadSnapshot({ db, hq, now }, (progress) => seen.push({ progress }));
    expect(result.ok).toBe(true);
    expect(await db.products.count()).toBe(3);
    expect((await db.prices.get(ids.colaPrice))?.memberLevelId).toBeNull();
    expect(seen[0]!.progress.loaded.product).toBe(0);
    expect(seen.find((s) => s.progress.loaded.product === 2)?.progress.sellable).toBe(false);
    expect(seen.find((s) => s.progress.sellable)?.progress.loaded.price).toBe(1);
    expect(seen.at(-1)!.progress.totals).toEqual(counts({ store: 1, product: 3, price: 1 }));
    expect(await db.getMeta('snapshotLoad')).toBeUndefined();
    expect(await db.getSyncMeta()).toMatchObject({ cursor: 420, initialPullDoneAt: now().toISOString() });
  });

  it('keeps exactly what the snapshot holds: rows between batches’ keys and after an ended entity are deleted', async () => {
    const db = await pairedDb();
    await db.products.bulkPut([1, 2, 3, 4, 5, 6].map(product));
    await db.putMeta('sync', { cursor: 90, headSeq: 90, initialPullDoneAt: '2025-02-01T00:00:00.000Z', lastPullAt: null, lastPushAt: null });
    await db.putMeta('snapshotLoad', { cursor: 500, totals: counts({ product: 3 }), loaded: counts({}), next: { entity: 'product', after: null }, startedAt: now().toISOString() });
    const { hq } = fakeHq([
      { cursor: 510, counts: counts({ product: 3 }) },
      { entity: 'product', rows: [product(1), { ...product(3), nameEn: 'Renamed' }], lastKey: productId(3), end: false },
      { entity: 'product', rows: [product(5)], lastKey: productId(5), end: true },
      ...emptyFrom('barcode'),
    ]);
    expect((await loadSnapshot({ db, hq, now })).ok).toBe(true);
    expect((await db.products.toArray()).map((p) => [p.id, p.nameEn])).toEqual([
      [productId(1), 'Product 1'],
      [productId(3), 'Renamed'],
      [productId(5), 'Product 5'],
    ]);
    // The resumed load keeps the first snapshot's cursor; the first pull stays done as it was.
    expect(await db.getSyncMeta()).toMatchObject({ cursor: 500, initialPullDoneAt: '2025-02-01T00:00:00.000Z' });
  });

  it('resumes a broken stream after the last key written, and counts on from there', async () => {
    const db = await pairedDb();
    const { hq, snapshot } = fakeHq(
      [
        { cursor: 300, counts: counts({ product: 4 }) },
        ...emptyFrom('store').slice(0, SNAPSHOT_ENTITIES.indexOf('product')),
        { entity: 'product', rows: [product(1), product(2)], lastKey: productId(2), end: false },
      ],
      [
        { cursor: 310, counts: counts({ product: 2 }) },
        { entity: 'product', rows: [product(3), product(4)], lastKey: productId(4), end: true },
        ...emptyFrom('barcode'),
      ],
    );
    const broken = await loadSnapshot({ db, hq, now });
    expect(broken).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    expect(await db.getMeta('snapshotLoad')).toMatchObject({ cursor: 300, loaded: { product: 2 }, next: { entity: 'product', after: productId(2) } });
    expect((await db.getSyncMeta()).initialPullDoneAt).toBeNull();
    const progress: SnapshotProgress[] = [];
    expect((await loadSnapshot({ db, hq, now }, (p) => progress.push(p))).ok).toBe(true);
    expect(snapshot).toHaveBeenLastCalledWith(pairedDevice.deviceToken, { entity: 'product', after: productId(2) });
    expect(progress[0]).toMatchObject({ loaded: { product: 2 }, totals: { product: 4 } });
    expect(await db.products.count()).toBe(4);
    expect((await db.getSyncMeta()).cursor).toBe(300);
  });

  it('refuses a row that is not what its entity holds, writing nothing of its batch', async () => {
    const db = await pairedDb();
    const { hq } = fakeHq([
      { cursor: 1, counts: counts({}) },
      { entity: 'store', rows: [{ id: 'not a store' }], lastKey: 'x', end: true },
    ]);
    expect(await loadSnapshot({ db, hq, now })).toEqual({ ok: false, failure: { kind: 'invalid-response', status: 200 } });
    expect(await db.stores.count()).toBe(0);
  });
});

describe('snapshotLines', () => {
  it('gives whole lines whatever the chunks, the last one without a newline too', async () => {
    const text = 'first line\nsecond 第二行\n\nlast';
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const lines: string[] = [];
    for await (const line of snapshotLines(stream)) lines.push(line);
    expect(lines).toEqual(['first line', 'second 第二行', '', 'last']);
  });
});
