import { PushResponse, StockCount, Transfer, type Allocation, type Sale, type Shipment, type WarehouseList } from '@pos/shared';
import { newId } from '@pos/hq-server/ids';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { stockLevels } from '@pos/hq-server/stock/stock.tables';
import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
}, 240_000);
afterAll(() => database.close());

const TILLS = 20;
const SALES_PER_TILL = 10;

async function levelsAt(storeId: string): Promise<Map<string, number>> {
  const rows = await f.deps.db.select({ productId: stockLevels.productId, quantity: stockLevels.quantity }).from(stockLevels)
    .where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, storeId)));
  return new Map(rows.map((r) => [r.productId, r.quantity]));
}

async function deadlocks(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ deadlocks: string }[]>`select pg_stat_get_db_deadlocks(oid)::text as deadlocks from pg_database where datname = current_database()`;
  return Number(row!.deadlocks);
}

/** On PostgreSQL, where the tills' pushes, the receipt and the shipment truly overlap (PGlite runs one statement at a time). */
describe.skipIf(process.env.POS_TEST_DB !== 'postgres')('stock while a store sells, counts, receives, transfers out and HQ ships, all at once', () => {
  it('loses nothing and counts nothing twice: each level moves by what arrived less what sold and left, and the count posts only the real loss', async () => {
    const store = f.storeIds.S002!;
    // Twenty tills at S002: the demo's two and eighteen more.
    await f.deps.db.insert(tillDevices).values(Array.from({ length: TILLS - 2 }, (_, i) => ({
      chainId: f.chainId, id: newId(f.deps.clock), storeId: store, code: `T9${String(i).padStart(2, '0')}`, name: `Till ${i + 3}`,
    })));
    const tills = [];
    for (let i = 0; i < TILLS; i++) {
      // Pairing allows ten codes a minute from one address.
      if (i > 0 && i % 10 === 0) f.clock.advance(61_000);
      tills.push(await pairTill(f, 'S002', i));
    }
    const hq = await signInOffice(f, 'hq@demo.pos');
    const { items } = (await (await f.app.request('/stock/warehouses', bearer(hq))).json()) as WarehouseList;
    const shipment = ((await (await f.app.request(`/stock/shipments?storeId=${store}&status=in_transit`, bearer(hq))).json()) as { items: Shipment[] }).items[0]!;
    const before = await levelsAt(store);

    // A count of the whole store opens; twenty products are counted, five of them one short of the book (the real loss).
    const count = StockCount.parse(await (await f.app.request('/stock/counts', json({ storeId: store, scope: 'store' }, hq))).json());
    const counted = f.catalog.map((p) => p.id).filter((id) => (before.get(id) ?? 0) > 1).slice(0, 20);
    expect(counted).toHaveLength(20);
    const lost = new Set(counted.slice(0, 5));
    f.clock.advance(60_000);
    const entry = await f.app.request(`/stock/counts/${count.id}/lines`, json({ lines: counted.map((productId) => ({ productId, quantity: before.get(productId)! - (lost.has(productId) ? 1 : 0) })) }, hq));
    expect(entry.status, await entry.clone().text()).toBe(200);
    f.clock.advance(60_000);

    // Then, all at once: the tills sell (counted products too), a transfer of counted products leaves for S001, the shipment is received, HQ ships, and the count posts.
    const batches: Sale[][] = tills.map((till) => Array.from({ length: SALES_PER_TILL }, () => makeSale(f, till, '0022', { lines: 4 })));
    const transferLines = counted.slice(0, 8).map((productId) => ({ productId, quantity: 1 }));
    const [pushes, received, shipped, transferred, posted] = await Promise.all([
      Promise.all(tills.map(async (till, i) => PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: batches[i] }, till.deviceToken))).json()))),
      f.app.request(`/stock/shipments/${shipment.id}/receive`, json({ lines: shipment.lines.map((l) => ({ productId: l.productId, received: l.shipped })) }, hq)),
      (async () => {
        const run = (await (await f.app.request('/stock/allocations', json({ warehouseId: items[0]!.id }, hq))).json()) as Allocation;
        return f.app.request(`/stock/allocations/${run.id}/ship`, json({}, hq));
      })(),
      f.app.request('/stock/transfers', json({ id: newId(f.deps.clock), fromStoreId: store, toStoreId: f.storeIds.S001, lines: transferLines }, hq)),
      f.app.request(`/stock/counts/${count.id}/post`, json({ uncounted: 'keep' }, hq)),
    ]);
    expect(pushes.flatMap((p) => p.results.filter((r) => r.status !== 'accepted'))).toEqual([]);
    expect([received.status, shipped.status, transferred.status, posted.status]).toEqual([200, 200, 201, 200]);
    Transfer.parse(await transferred.json());
    const differences = StockCount.parse(await posted.json()).lines.filter((l) => l.counted !== null).map((l) => [l.productId, l.difference] as const);
    expect(new Map(differences)).toEqual(new Map(counted.map((productId) => [productId, lost.has(productId) ? -1 : 0])));
    expect(await f.deps.db.$count(sales, and(eq(sales.chainId, f.chainId), eq(sales.storeId, store)))).toBe(TILLS * SALES_PER_TILL);

    const expected = new Map(before);
    for (const line of shipment.lines) expected.set(line.productId, (expected.get(line.productId) ?? 0) + line.shipped);
    for (const sale of batches.flat()) for (const line of sale.lines) expected.set(line.productId, (expected.get(line.productId) ?? 0) - line.quantity);
    for (const line of transferLines) expected.set(line.productId, (expected.get(line.productId) ?? 0) - line.quantity);
    for (const productId of lost) expected.set(productId, expected.get(productId)! - 1);
    const after = await levelsAt(store);
    const moved = [...expected].filter(([productId, quantity]) => (after.get(productId) ?? 0) !== quantity);
    expect(moved).toEqual([]);
    expect((await verifyLedgers(database.db)).ok).toBe(true);

    // Pushed again (a till that never heard back), nothing moves twice.
    await Promise.all(tills.map((till, i) => f.app.request('/sync/push', json({ documents: batches[i] }, till.deviceToken))));
    expect([...(await levelsAt(store))].filter(([productId, quantity]) => (after.get(productId) ?? 0) !== quantity)).toEqual([]);
  }, 180_000);

  it('runs a transfer again when PostgreSQL breaks a deadlock by failing it, and it moves the stock once', async () => {
    const [from, to] = [f.storeIds.S002!, f.storeIds.S001!];
    const hq = await signInOffice(f, 'hq@demo.pos');
    const held = await levelsAt(from);
    const [a, b] = f.catalog.map((p) => p.id).filter((id) => (held.get(id) ?? 0) > 0).sort();
    // Another writer holds the level the transfer locks second, and once the transfer waits for it, asks for the one the transfer locked first.
    const other = postgres(database.url!, { max: 1, onnotice: () => {} });
    const deadlocksBefore = await deadlocks(other);
    let holding!: () => void;
    const holdsB = new Promise<void>((resolve) => (holding = resolve));
    const deadlocked = other.begin(async (tx) => {
      // It waits long before looking for a deadlock, so that PostgreSQL fails the transfer's side.
      await tx`set local deadlock_timeout = '30s'`;
      await tx`update stock_levels set updated_at = now() where chain_id = ${f.chainId} and store_id = ${from} and product_id = ${b!}`;
      holding();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx`update stock_levels set updated_at = now() where chain_id = ${f.chainId} and store_id = ${from} and product_id = ${a!}`;
    });
    await holdsB;
    const id = newId(f.deps.clock);
    const sent = await f.app.request('/stock/transfers', json({ id, fromStoreId: from, toStoreId: to, lines: [{ productId: a!, quantity: 1 }, { productId: b!, quantity: 1 }] }, hq));
    await deadlocked;
    expect(sent.status, await sent.clone().text()).toBe(201);
    expect(Transfer.parse(await sent.json()).id).toBe(id);
    await expect.poll(() => deadlocks(other), { timeout: 10_000 }).toBe(deadlocksBefore + 1);
    await other.end();
    const now = await levelsAt(from);
    expect([now.get(a!), now.get(b!)]).toEqual([held.get(a!)! - 1, held.get(b!)! - 1]);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  }, 60_000);
});
