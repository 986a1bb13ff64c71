import { AllocationList, StockLevelList, TillStockLookup, type Allocation, type Requisition, type RequisitionList, type Shipment } from '@pos/shared';
import { productCosts } from '@pos/hq-server/catalog/catalog.tables';
import { newId } from '@pos/hq-server/ids';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { moveStock } from '@pos/hq-server/stock/stock-ledger';
import { productCostsAt } from '@pos/hq-server/stock/stock-value';
import { productPacks, stockLevels, storeStockSettings, warehouses } from '@pos/hq-server/stock/stock.tables';
import { requisitions } from '@pos/hq-server/stock/distribution.tables';
import { storeReplenishment } from '@pos/hq-server/stock/store-stock.tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let s001Manager: string;
/** A warehouse of the test's own, so the demo's requisitions (of its centre) stay out of these runs. */
let warehouseId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  [hq, east, s001Manager] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 'east@demo.pos'), signInOffice(f, 's001@demo.pos')]);
  warehouseId = newId(f.deps.clock);
  await f.deps.db.insert(warehouses).values({ chainId: f.chainId, id: warehouseId, code: 'DC-TEST', nameZh: '测试仓', nameEn: 'Test warehouse' });
}, 240_000);
afterAll(() => database.close());

const product = (i: number) => f.catalog[200 + i]!.id;
const linesOf = (a: Allocation) => a.products.items.flatMap((p) => p.lines);
const levelOf = async (placeId: string, productId: string) =>
  (await f.deps.db.select().from(stockLevels).where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, placeId), eq(stockLevels.productId, productId))))[0] ?? { quantity: 0, inTransit: 0 };

async function holds(productId: string, quantity: number, packSize: number): Promise<void> {
  await f.deps.db.insert(productPacks).values({ chainId: f.chainId, productId, packSize });
  await f.deps.db.transaction((tx) => moveStock(tx, f.chainId, [{ placeId: warehouseId, productId, delta: quantity, inTransit: 0 }], 'opening', warehouseId, f.deps.clock(), f.deps));
}

async function ask(token: string, store: string, lines: [string, number][]): Promise<Requisition> {
  const res = await f.app.request('/stock/requisitions', json({ storeId: f.storeIds[store], warehouseId, lines: lines.map(([productId, quantity]) => ({ productId, quantity })) }, token));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Requisition;
}

describe('a store asks, HQ allocates short, ships, and the store receives a pack short', () => {
  let allocation: Allocation;
  const storeLevelsBefore: Record<string, number> = {};

  it('records requisitions of the caller’s own stores only, numbered, and refuses what is wrong', async () => {
    await holds(product(0), 30, 6);
    await f.deps.db.insert(storeStockSettings).values({ chainId: f.chainId, storeId: f.storeIds.S003!, allocationPriority: 1 });
    storeLevelsBefore.S003 = (await levelOf(f.storeIds.S003!, product(0))).quantity;
    storeLevelsBefore.S004 = (await levelOf(f.storeIds.S004!, product(0))).quantity;

    const first = await ask(hq, 'S003', [[product(0), 24]]);
    expect(first).toMatchObject({ no: expect.stringMatching(/^R\d{6}$/), status: 'asked', kind: 'request', storeCode: 'S003', overdue: false });
    expect(first.lines).toEqual([expect.objectContaining({ productId: product(0), asked: 24, allocated: 0, shipped: 0, received: 0 })]);
    await ask(east, 'S004', [[product(0), 18]]);
    await ask(east, 'S005', [[product(0), 12]]);

    // A franchisee asks only for their own stores, and may not push goods; an unknown product is named.
    expect((await f.app.request('/stock/requisitions', json({ storeId: f.storeIds.S001, warehouseId, lines: [{ productId: product(0), quantity: 6 }] }, east))).status).toBe(404);
    expect((await f.app.request('/stock/requisitions', json({ storeId: f.storeIds.S004, warehouseId, kind: 'push', lines: [{ productId: product(0), quantity: 6 }] }, east))).status).toBe(403);
    const unknown = await f.app.request('/stock/requisitions', json({ storeId: f.storeIds.S004, warehouseId, lines: [{ productId: warehouseId, quantity: 6 }] }, east));
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { details: { productIds: string[] } } }).error.details.productIds).toEqual([warehouseId]);
    const twice = await f.app.request('/stock/requisitions', json({ storeId: f.storeIds.S004, warehouseId, lines: [{ productId: product(0), quantity: 6 }, { productId: product(0), quantity: 6 }] }, east));
    expect(twice.status).toBe(400);

    const mine = (await (await f.app.request(`/stock/requisitions?warehouseId=${warehouseId}`, bearer(east))).json()) as RequisitionList;
    expect(mine.items.map((r) => r.storeCode).sort()).toEqual(['S004', 'S005']);
  });

  it('allocates by priority, then in proportion to need in whole packs, and explains each store’s share', async () => {
    // 30 on hand: 5 packs of 6. S003 (priority 1) asked 24: 4 packs in full. One pack for S004 (18)
    // and S005 (12): 18/30 and 12/30 of it, so S004 gets it.
    expect((await f.app.request('/stock/allocations', json({ warehouseId }, east))).status).toBe(403);
    const res = await f.app.request('/stock/allocations', json({ warehouseId }, hq));
    expect(res.status, await res.clone().text()).toBe(201);
    allocation = (await res.json()) as Allocation;
    expect(allocation.status).toBe('draft');
    expect(linesOf(allocation).map((l) => [l.storeCode, l.proposed, l.quantity, l.why.outcome])).toEqual([
      ['S003', 24, 24, 'full'], ['S004', 6, 6, 'proportional'], ['S005', 0, 0, 'proportional'],
    ]);
    expect(linesOf(allocation)[1]!.why).toMatchObject({ priority: 5, asked: 18, onHand: storeLevelsBefore.S004, need: 18, maxPacks: 3, shareUnits: 3.6 });
    expect(allocation.products).toMatchObject({ total: 1, items: [{ productId: product(0), packSize: 6, available: 30, allocated: 30, short: true }] });
    expect(allocation.totals).toEqual({ products: 1, stores: 3, claims: 3, units: 30, productsShort: 1 });
    const statuses = (await (await f.app.request(`/stock/requisitions?warehouseId=${warehouseId}`, bearer(hq))).json()) as RequisitionList;
    expect(statuses.items.map((r) => [r.storeCode, r.status, r.lines[0]!.allocated]).sort()).toEqual([['S003', 'allocated', 24], ['S004', 'allocated', 6], ['S005', 'asked', 0]]);
    // One draft at a time per warehouse.
    expect((await f.app.request('/stock/allocations', json({ warehouseId }, hq))).status).toBe(409);
  });

  it('lets HQ move the pack to S005 before shipping, refusing part packs and more than the warehouse holds, changing nothing then', async () => {
    const put = (lines: { store: string; quantity: number }[]) =>
      f.app.request(`/stock/allocations/${allocation.id}/lines`, { ...json({ lines: lines.map((l) => ({ storeId: f.storeIds[l.store], productId: product(0), quantity: l.quantity })) }, hq), method: 'PUT' });
    const partPack = await put([{ store: 'S004', quantity: 4 }]);
    expect(partPack.status).toBe(400);
    expect(((await partPack.json()) as { error: { details: { problems: { code: string }[] } } }).error.details.problems.map((p) => p.code)).toEqual(['NOT_WHOLE_PACKS']);
    expect((await put([{ store: 'S005', quantity: 12 }])).status).toBe(400);
    expect((await put([{ store: 'S001', quantity: 6 }])).status).toBe(400);
    const unchanged = (await (await f.app.request(`/stock/allocations/${allocation.id}`, bearer(hq))).json()) as Allocation;
    expect(linesOf(unchanged).map((l) => l.quantity)).toEqual([24, 6, 0]);

    const moved = await put([{ store: 'S004', quantity: 0 }, { store: 'S005', quantity: 6 }]);
    expect(moved.status, await moved.clone().text()).toBe(200);
    allocation = (await moved.json()) as Allocation;
    expect(linesOf(allocation).map((l) => [l.storeCode, l.proposed, l.quantity])).toEqual([['S003', 24, 24], ['S004', 6, 0], ['S005', 0, 6]]);
    const inDraft = (await (await f.app.request(`/stock/requisitions?warehouseId=${warehouseId}`, bearer(hq))).json()) as RequisitionList;
    expect(inDraft.items.map((r) => [r.storeCode, r.status, r.lines[0]!.allocated]).sort()).toEqual([['S003', 'allocated', 24], ['S004', 'allocated', 0], ['S005', 'asked', 6]]);
  });

  it('ships once: the goods leave the warehouse and are on their way to each store, and S004 waits for the next run', async () => {
    const [a, b] = await Promise.all([f.app.request(`/stock/allocations/${allocation.id}/ship`, json({}, hq)), f.app.request(`/stock/allocations/${allocation.id}/ship`, json({}, hq))]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await levelOf(warehouseId, product(0))).toMatchObject({ quantity: 0, inTransit: 0 });
    expect(await levelOf(f.storeIds.S003!, product(0))).toMatchObject({ quantity: storeLevelsBefore.S003, inTransit: 24 });
    const statuses = (await (await f.app.request(`/stock/requisitions?warehouseId=${warehouseId}`, bearer(hq))).json()) as RequisitionList;
    expect(statuses.items.map((r) => [r.storeCode, r.status, r.lines[0]!.shipped]).sort()).toEqual([['S003', 'shipped', 24], ['S004', 'asked', 0], ['S005', 'shipped', 6]]);
    const listed = AllocationList.parse(await (await f.app.request(`/stock/allocations?warehouseId=${warehouseId}`, bearer(hq))).json()).items;
    expect(listed).toEqual([expect.objectContaining({ id: allocation.id, status: 'shipped', stores: 2, units: 30, shippedAt: expect.any(String) })]);
    expect((await f.app.request('/stock/allocations', bearer(east))).status).toBe(403);
    const levels = StockLevelList.parse(await (await f.app.request(`/stock/levels?placeId=${f.storeIds.S003}&productId=${product(0)}`, bearer(hq))).json()).items;
    expect(levels).toEqual([expect.objectContaining({ placeCode: 'S003', sku: expect.any(String), nameEn: f.catalog[200]!.nameEn, inTransit: 24 })]);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('receives what arrived at the store, one pack short, once; the difference shows and the till sees the new level', async () => {
    const list = (await (await f.app.request(`/stock/shipments?storeId=${f.storeIds.S003}&status=in_transit`, bearer(hq))).json()) as { items: Shipment[] };
    const shipment = list.items.find((s) => s.allocationId === allocation.id)!;
    // S003 is HQ's own store: its goods are not sold to it.
    expect(shipment).toMatchObject({ no: expect.stringMatching(/^S\d{6}$/), storeCode: 'S003', valueMinor: null, lines: [expect.objectContaining({ shipped: 24, received: null, difference: null, unitPriceMinor: null })] });
    // Another store's people cannot see it; a count that leaves a product out is refused.
    expect((await f.app.request(`/stock/shipments/${shipment.id}/receive`, json({ lines: [{ productId: product(0), received: 18 }] }, s001Manager))).status).toBe(404);
    expect((await f.app.request(`/stock/shipments/${shipment.id}/receive`, json({ lines: [{ productId: product(1), received: 18 }] }, hq))).status).toBe(400);

    const received = await f.app.request(`/stock/shipments/${shipment.id}/receive`, json({ lines: [{ productId: product(0), received: 18 }] }, hq));
    expect(received.status, await received.clone().text()).toBe(200);
    expect(((await received.json()) as Shipment).lines[0]).toMatchObject({ shipped: 24, received: 18, difference: -6 });
    expect((await f.app.request(`/stock/shipments/${shipment.id}/receive`, json({ lines: [{ productId: product(0), received: 18 }] }, hq))).status).toBe(409);
    expect(await levelOf(f.storeIds.S003!, product(0))).toMatchObject({ quantity: storeLevelsBefore.S003! + 18, inTransit: 0 });
    const requisition = ((await (await f.app.request(`/stock/requisitions?storeId=${f.storeIds.S003}&warehouseId=${warehouseId}`, bearer(hq))).json()) as RequisitionList).items[0]!;
    expect(requisition).toMatchObject({ status: 'received', lines: [expect.objectContaining({ asked: 24, allocated: 24, shipped: 24, received: 18 })] });

    const till = await pairTill(f, 'S003');
    const lookup = TillStockLookup.parse(await (await f.app.request(`/stock/lookup/${product(0)}`, bearer(till.deviceToken))).json());
    expect(lookup.here).toEqual({ quantity: storeLevelsBefore.S003! + 18, inTransit: 0 });
    expect(lookup.siblings.map((s) => s.storeCode)).toContain('S004');
    expect(lookup.siblings.find((s) => s.storeCode === 'S004')!.quantity).toBe(storeLevelsBefore.S004);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('serves the store left out at the next run, and a receipt of the earlier run leaves that store’s lines alone', async () => {
    await f.deps.db.transaction((tx) => moveStock(tx, f.chainId, [{ placeId: warehouseId, productId: product(0), delta: 12, inTransit: 0 }], 'opening', warehouseId, f.deps.clock(), f.deps));
    const next = (await (await f.app.request('/stock/allocations', json({ warehouseId }, hq))).json()) as Allocation;
    expect(linesOf(next).map((l) => [l.storeCode, l.quantity])).toEqual([['S004', 12]]);
    expect((await f.app.request(`/stock/allocations/${next.id}/ship`, json({}, hq))).status).toBe(200);
    const inTransit = async (store: string) =>
      ((await (await f.app.request(`/stock/shipments?storeId=${f.storeIds[store]}&status=in_transit`, bearer(east))).json()) as { items: Shipment[] }).items[0]!;
    const toS004 = await inTransit('S004');
    expect((await f.app.request(`/stock/shipments/${toS004.id}/receive`, json({ lines: [{ productId: product(0), received: 12 }] }, east))).status).toBe(200);
    const toS005 = await inTransit('S005');
    expect(toS005.allocationId).toBe(allocation.id);
    // S005 is a franchisee's: it buys what it is sent at the product's cost (配送价), and pays for what arrived.
    const cost = (await productCostsAt(f.deps.db, f.chainId, [product(0)], f.deps.clock())).get(product(0))!;
    expect(toS005).toMatchObject({ valueMinor: 6 * cost, lines: [expect.objectContaining({ shipped: 6, unitPriceMinor: cost })] });
    const atS005 = await f.app.request(`/stock/shipments/${toS005.id}/receive`, json({ lines: [{ productId: product(0), received: 5 }] }, east));
    expect(atS005.status).toBe(200);
    expect(((await atS005.json()) as Shipment).valueMinor).toBe(5 * cost);
    const theirs = ((await (await f.app.request(`/stock/requisitions?warehouseId=${warehouseId}`, bearer(east))).json()) as RequisitionList).items;
    expect(theirs.map((r) => [r.storeCode, r.status, r.lines[0]!.allocated, r.lines[0]!.shipped, r.lines[0]!.received]).sort()).toEqual([
      ['S004', 'received', 12, 12, 12], ['S005', 'received', 6, 6, 5],
    ]);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('flags a requisition waiting more than two days, and lets a store cancel one not yet allocated', async () => {
    const waiting = await ask(s001Manager, 'S001', [[product(1), 6]]);
    await f.deps.db.update(requisitions).set({ createdAt: new Date(f.deps.clock().getTime() - 49 * HOUR) }).where(and(eq(requisitions.chainId, f.chainId), eq(requisitions.id, waiting.id)));
    const list = (await (await f.app.request(`/stock/requisitions?storeId=${f.storeIds.S001}&status=asked`, bearer(s001Manager))).json()) as RequisitionList;
    expect(list.items.find((r) => r.id === waiting.id)).toMatchObject({ overdue: true });
    expect(list.overdueAfterHours).toBe(48);
    const cancelled = await f.app.request(`/stock/requisitions/${waiting.id}/cancel`, json({}, s001Manager));
    expect(((await cancelled.json()) as Requisition).status).toBe('cancelled');
    expect((await f.app.request(`/stock/requisitions/${waiting.id}/cancel`, json({}, s001Manager))).status).toBe(409);
  });

  it('holds a store’s need to the room below its ideal stock when it has an ideal-stock rule', async () => {
    // 24 on hand: 4 packs of 6. S004 and S005 each ask 24, but S004's rule leaves it room for 6 only,
    // so it needs 1 pack and S005 4: shared 4 × 6/30 = 0.8 and 4 × 24/30 = 3.2, S004 taking the last pack by the larger remainder.
    await holds(product(2), 24, 6);
    const s004 = await levelOf(f.storeIds.S004!, product(2));
    const ideal = Math.max(0, s004.quantity) + s004.inTransit + 6;
    await f.deps.db.insert(storeReplenishment).values({
      chainId: f.chainId, storeId: f.storeIds.S004!, productId: product(2), policy: 'ideal', minQuantity: 0, maxQuantity: ideal, leadTimeDays: 2, updatedAt: f.deps.clock(),
    });
    const asked = [await ask(east, 'S004', [[product(2), 24]]), await ask(east, 'S005', [[product(2), 24]])];
    const run = (await (await f.app.request('/stock/allocations', json({ warehouseId }, hq))).json()) as Allocation;
    expect(linesOf(run).map((l) => [l.storeCode, l.why.ideal, l.why.need, l.why.outcome, l.proposed])).toEqual([
      ['S004', ideal, 6, 'proportional', 6], ['S005', null, 24, 'proportional', 18],
    ]);
    expect((await f.app.request(`/stock/allocations/${run.id}/cancel`, json({}, hq))).status).toBe(200);
    for (const r of asked) expect((await f.app.request(`/stock/requisitions/${r.id}/cancel`, json({}, east))).status).toBe(200);
  });

  it('serves every ask in full without weighing the claims when the centre holds enough, pages the products, and ships a manager’s change of them', async () => {
    // product(4): 60 held, asks of 13 and 12 come to 3 + 2 packs of 6: all served in full, stock unread.
    // product(5): 6 held, asks of 12 each: short, weighed by the rules.
    await holds(product(4), 60, 6);
    await holds(product(5), 6, 6);
    await ask(hq, 'S003', [[product(4), 13], [product(5), 12]]);
    await ask(east, 'S004', [[product(4), 12], [product(5), 12]]);
    const run = (await (await f.app.request('/stock/allocations', json({ warehouseId }, hq))).json()) as Allocation;
    expect(run.totals).toEqual({ products: 2, stores: 2, claims: 4, units: 36, productsShort: 1 });
    const full = run.products.items.find((p) => p.productId === product(4))!;
    expect(full).toMatchObject({ available: 60, allocated: 30, short: false });
    expect(full.lines.map((l) => [l.storeCode, l.proposed, l.quantity, l.why.outcome, l.why.onHand])).toEqual([['S003', 18, 18, 'full', null], ['S004', 12, 12, 'full', null]]);
    const page = async (q: string) => (await (await f.app.request(`/stock/allocations/${run.id}?${q}`, bearer(hq))).json()) as Allocation;
    expect((await page('short=true')).products).toMatchObject({ total: 1, items: [{ productId: product(5), short: true }] });
    const second = await page('limit=1&offset=1');
    expect(second.products).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(second.products.items.map((p) => p.sku)).toEqual([run.products.items[1]!.sku]);
    expect(run.products.items[0]!.sku < run.products.items[1]!.sku).toBe(true);
    expect((await f.app.request(`/stock/allocations/${run.id}?limit=0`, bearer(hq))).status).toBe(400);

    const changed = await f.app.request(`/stock/allocations/${run.id}/lines`, { ...json({ lines: [{ storeId: f.storeIds.S004, productId: product(4), quantity: 24 }] }, hq), method: 'PUT' });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const after = (await changed.json()) as Allocation;
    expect(after.totals.units).toBe(48);
    expect(after.products.items.find((p) => p.productId === product(4))!.lines.find((l) => l.storeCode === 'S004')).toMatchObject({ proposed: 12, quantity: 24, why: { outcome: 'full', asked: 12 } });
    expect((await f.app.request(`/stock/allocations/${run.id}/ship`, json({}, hq))).status).toBe(200);
    const s004 = ((await (await f.app.request(`/stock/requisitions?storeId=${f.storeIds.S004}&warehouseId=${warehouseId}&status=shipped`, bearer(east))).json()) as RequisitionList).items[0]!;
    expect(s004.lines.map((l) => [l.productId, l.allocated, l.shipped]).sort()).toEqual([[product(4), 24, 24], [product(5), 0, 0]].sort());
    expect(await levelOf(warehouseId, product(4))).toMatchObject({ quantity: 60 - 18 - 24 });
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('refuses to ship to a franchisee’s store a product that has no cost to sell it at, naming it and changing nothing', async () => {
    await holds(product(3), 6, 6);
    await ask(east, 'S004', [[product(3), 6]]);
    const run = (await (await f.app.request('/stock/allocations', json({ warehouseId }, hq))).json()) as Allocation;
    await f.deps.db.delete(productCosts).where(and(eq(productCosts.chainId, f.chainId), eq(productCosts.productId, product(3))));
    const refused = await f.app.request(`/stock/allocations/${run.id}/ship`, json({}, hq));
    expect(refused.status, await refused.clone().text()).toBe(409);
    expect(((await refused.json()) as { error: { details: { productIds: string[] } } }).error.details.productIds).toEqual([product(3)]);
    expect(await levelOf(warehouseId, product(3))).toMatchObject({ quantity: 6 });
    expect((await (await f.app.request(`/stock/allocations/${run.id}`, bearer(hq))).json()) as Allocation).toMatchObject({ status: 'draft' });
    expect((await f.app.request(`/stock/allocations/${run.id}/cancel`, json({}, hq))).status).toBe(200);
  });
});

describe('the demo chain’s distribution', () => {
  it('has a centre, a shipment on its way to S002, and requisitions waiting for a short product, one overdue', async () => {
    const centres = (await (await f.app.request('/stock/warehouses', bearer(hq))).json()) as { items: { id: string; code: string }[] };
    const dc = centres.items.find((w) => w.code === 'DC01')!;
    const waiting = (await (await f.app.request(`/stock/requisitions?warehouseId=${dc.id}&status=asked`, bearer(hq))).json()) as RequisitionList;
    expect(waiting.items.map((r) => r.storeCode).sort()).toEqual(['S001', 'S002', 'S003', 'S006']);
    expect(waiting.items.filter((r) => r.overdue).map((r) => r.storeCode)).toEqual(['S006']);
    const onTheWay = (await (await f.app.request('/stock/shipments?status=in_transit', bearer(hq))).json()) as { items: Shipment[] };
    expect(onTheWay.items.filter((s) => s.warehouseId === dc.id).map((s) => s.storeCode)).toEqual(['S002']);
    const received = (await (await f.app.request(`/stock/shipments?storeId=${f.storeIds.S003}&status=received`, bearer(hq))).json()) as { items: Shipment[] };
    expect(received.items.filter((s) => s.warehouseId === dc.id).flatMap((s) => s.lines).filter((l) => (l.difference ?? 0) < 0)).toHaveLength(1);
  });
});
