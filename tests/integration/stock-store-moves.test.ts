import { PushResponse, Sale, StockCount, StockCountList, StockOverview, Transfer, TransferList, type PairedDevice } from '@pos/shared';
import { newId } from '@pos/hq-server/ids';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { productCosts, products } from '@pos/hq-server/catalog/catalog.tables';
import { tillDevices } from '@pos/hq-server/org/org.tables';
import { tillSyncStatus } from '@pos/hq-server/till-monitor/till-monitor.tables';
import { stockLevels, stockMovements } from '@pos/hq-server/stock/stock.tables';
import { and, desc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
let s001Manager: string;
const MINUTE = 60_000;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  [hq, east, west, s001Manager] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 'east@demo.pos'), signInOffice(f, 'west@demo.pos'), signInOffice(f, 's001@demo.pos')]);
}, 240_000);
afterAll(() => database.close());

const item = (i: number) => f.catalog[220 + i]!;
const productRow = async (id: string) => (await f.deps.db.select().from(products).where(and(eq(products.chainId, f.chainId), eq(products.id, id))))[0]!;
const levelOf = async (store: string, productId: string) =>
  (await f.deps.db.select().from(stockLevels).where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, f.storeIds[store]!), eq(stockLevels.productId, productId))))[0]
  ?? { quantity: 0, inTransit: 0 };

async function post<T>(path: string, body: unknown, token: string, status: number, schema: { parse: (v: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, json(body, token));
  expect(res.status, await res.clone().text()).toBe(status);
  return schema.parse(await res.json());
}

async function refused(path: string, body: unknown, token: string, status: number): Promise<string> {
  const res = await f.app.request(path, json(body, token));
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as { error: { message: string } }).error.message;
}

/** A sale of one product at a till, completed at `at`, by the store's first cashier (the demo's clerk `0032` is S003's). */
function saleOf(till: PairedDevice, index: number, quantity: number, at: Date): Sale {
  const sale = makeSale(f, till, `${till.store.code.slice(1)}2`, { at, lines: 1 });
  const product = item(index);
  const gross = product.priceMinor * quantity;
  const line = { ...sale.lines[0]!, productId: product.id, barcode: product.barcode, nameZh: product.nameZh, nameEn: product.nameEn, quantity, unitPriceMinor: product.priceMinor, grossMinor: gross, netMinor: gross };
  const tendered = Math.ceil(gross / 10_000) * 10_000;
  return Sale.parse({ ...sale, lines: [line], subtotalMinor: gross, totalMinor: gross, changeMinor: tendered - gross, payments: [{ ...sale.payments[0]!, amountMinor: gross, tenderedMinor: tendered }] });
}

async function push(till: PairedDevice, documents: Sale[]): Promise<void> {
  const res = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents }, till.deviceToken))).json());
  expect(res.results.filter((r) => r.status !== 'accepted')).toEqual([]);
}

describe('transfers between stores (门店间直调)', () => {
  it('ships from one store to another of the same owner: out of stock at once, on the way, then received one short', async () => {
    const before = { S001: await levelOf('S001', item(0).id), S002: await levelOf('S002', item(0).id) };
    const id = newId(f.deps.clock);
    const body = { id, fromStoreId: f.storeIds.S001, toStoreId: f.storeIds.S002, lines: [{ productId: item(0).id, quantity: 5 }, { productId: item(1).id, quantity: 2 }], note: '补货' };
    const shipped = await post('/stock/transfers', body, s001Manager, 201, Transfer);
    expect(shipped).toMatchObject({ no: expect.stringMatching(/^T\d{6}$/), status: 'in_transit', crossOwner: false, valueMinor: null, note: '补货', from: { code: 'S001' }, to: { code: 'S002' } });
    expect(shipped.lines.map((l) => [l.productId, l.quantity, l.unitPriceMinor, l.barcode]).sort()).toEqual(
      [[item(0).id, 5, null, item(0).barcode], [item(1).id, 2, null, item(1).barcode]].sort());
    expect(shipped.lines.map((l) => l.sku)).toEqual([...shipped.lines.map((l) => l.sku)].sort());
    expect(await levelOf('S001', item(0).id)).toMatchObject({ quantity: before.S001.quantity - 5 });
    expect(await levelOf('S002', item(0).id)).toMatchObject({ quantity: before.S002.quantity, inTransit: before.S002.inTransit + 5 });

    // Sent again (the answer was lost): the same transfer, nothing moves twice.
    const again = await post('/stock/transfers', body, s001Manager, 201, Transfer);
    expect(again.no).toBe(shipped.no);
    expect(await levelOf('S001', item(0).id)).toMatchObject({ quantity: before.S001.quantity - 5 });

    // S001's manager may not confirm what S002 receives; S002 is HQ's, so HQ does, one short.
    expect(await refused(`/stock/transfers/${id}/receive`, { lines: [{ productId: item(0).id, received: 4 }, { productId: item(1).id, received: 2 }] }, east, 404)).toBe('no such transfer');
    expect(await refused(`/stock/transfers/${id}/receive`, { lines: [{ productId: item(0).id, received: 4 }] }, hq, 400)).toMatch(/every product/);
    const received = await post(`/stock/transfers/${id}/receive`, { lines: [{ productId: item(0).id, received: 4 }, { productId: item(1).id, received: 2 }] }, hq, 200, Transfer);
    expect(received.status).toBe('received');
    expect(received.lines.find((l) => l.productId === item(0).id)).toMatchObject({ quantity: 5, received: 4, difference: -1 });
    expect(await levelOf('S002', item(0).id)).toMatchObject({ quantity: before.S002.quantity + 4, inTransit: before.S002.inTransit });
    expect(await refused(`/stock/transfers/${id}/receive`, { lines: [{ productId: item(0).id, received: 4 }, { productId: item(1).id, received: 2 }] }, hq, 409)).toMatch(/received already/);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('between franchisees, prices each line at the transfer price: a line’s own, or the product’s cost', async () => {
    const id = newId(f.deps.clock);
    const shipped = await post('/stock/transfers', {
      id, fromStoreId: f.storeIds.S004, toStoreId: f.storeIds.S006, lines: [{ productId: item(2).id, quantity: 3, unitPriceMinor: 150 }, { productId: item(3).id, quantity: 2 }],
    }, east, 201, Transfer);
    expect(shipped.crossOwner).toBe(true);
    const priced = shipped.lines.find((l) => l.productId === item(3).id)!;
    expect(priced.unitPriceMinor).toBeGreaterThan(0);
    expect(shipped.valueMinor).toBe(3 * 150 + 2 * priced.unitPriceMinor!);

    // Both franchisees see it, one as sent and one as coming; the other franchisee's stores do not.
    const sent = TransferList.parse(await (await f.app.request(`/stock/transfers?direction=out`, bearer(east))).json());
    const coming = TransferList.parse(await (await f.app.request(`/stock/transfers?direction=in&status=in_transit`, bearer(west))).json());
    expect(sent.items.map((t) => t.id)).toContain(id);
    expect(coming.items.map((t) => t.id)).toEqual([id]);
    expect((await f.app.request(`/stock/transfers/${id}`, bearer(s001Manager))).status).toBe(404);
    expect(Transfer.parse(await (await f.app.request(`/stock/transfers/${id}`, bearer(west))).json()).no).toBe(shipped.no);
    const received = await post(`/stock/transfers/${id}/receive`, { lines: [{ productId: item(2).id, received: 3 }, { productId: item(3).id, received: 3 }] }, west, 200, Transfer);
    expect(received.lines.find((l) => l.productId === item(3).id)).toMatchObject({ received: 3, difference: 1 });
    expect(received.valueMinor).toBe(3 * 150 + 3 * priced.unitPriceMinor!);
  });

  it('refuses what is wrong and changes nothing', async () => {
    const line = [{ productId: item(0).id, quantity: 1 }];
    const before = await levelOf('S004', item(0).id);
    // Not the caller's store to send from; a store that does not exist; the same store; an unknown product; a quantity of nothing.
    expect(await refused('/stock/transfers', { id: newId(f.deps.clock), fromStoreId: f.storeIds.S001, toStoreId: f.storeIds.S004, lines: line }, east, 404)).toBe('no such store');
    expect(await refused('/stock/transfers', { id: newId(f.deps.clock), fromStoreId: f.storeIds.S004, toStoreId: newId(f.deps.clock), lines: line }, east, 404)).toMatch(/no such open store/);
    expect((await f.app.request('/stock/transfers', json({ id: newId(f.deps.clock), fromStoreId: f.storeIds.S004, toStoreId: f.storeIds.S004, lines: line }, east))).status).toBe(400);
    expect(await refused('/stock/transfers', { id: newId(f.deps.clock), fromStoreId: f.storeIds.S004, toStoreId: f.storeIds.S005, lines: [{ productId: f.storeIds.S001, quantity: 1 }] }, east, 400)).toMatch(/not the chain/);
    expect((await f.app.request('/stock/transfers', json({ id: newId(f.deps.clock), fromStoreId: f.storeIds.S004, toStoreId: f.storeIds.S005, lines: [{ productId: item(0).id, quantity: 0 }] }, east))).status).toBe(400);
    expect(await levelOf('S004', item(0).id)).toEqual(before);
  });
});

describe('stock counts (盘点) frozen at their start', () => {
  let till: PairedDevice;
  let count: StockCount;

  beforeAll(async () => {
    till = await pairTill(f, 'S003');
  });

  it('opens one count per store for a category, with the book frozen at the start', async () => {
    const categoryId = (await productRow(item(0).id)).categoryId!;
    count = await post('/stock/counts', { storeId: f.storeIds.S003, scope: 'category', categoryId, note: '月末盘点' }, hq, 201, StockCount);
    expect(count).toMatchObject({ no: expect.stringMatching(/^C\d{6}$/), status: 'open', scope: 'category', category: { id: categoryId }, counted: 0 });
    // The demo's S003 tills last reported documents still waiting: posting before they arrive would take their sales as missing.
    const reports = await f.deps.db.select({ report: tillSyncStatus.report }).from(tillSyncStatus).innerJoin(tillDevices, and(eq(tillDevices.chainId, tillSyncStatus.chainId), eq(tillDevices.id, tillSyncStatus.deviceId)))
      .where(and(eq(tillSyncStatus.chainId, f.chainId), eq(tillDevices.storeId, f.storeIds.S003!)));
    expect(count.waitingOnTills).toBe(reports.reduce((n, r) => n + (r.report?.waitingCount ?? 0), 0));
    expect(count.waitingOnTills).toBeGreaterThan(0);
    expect(count.lines.length).toBeGreaterThan(0);
    const line = count.lines.find((l) => l.productId === item(0).id)!;
    expect(line).toMatchObject({ book: (await levelOf('S003', item(0).id)).quantity, counted: null, difference: null });
    expect(await refused('/stock/counts', { storeId: f.storeIds.S003, scope: 'shelf', shelf: 'A-01' }, hq, 409)).toMatch(new RegExp(`count ${count.no} .* still open`));
    expect(await refused('/stock/counts', { storeId: f.storeIds.S003, scope: 'store' }, east, 404)).toBe('no such store');
    const [other] = await f.deps.db.select({ id: products.id }).from(products).where(and(eq(products.chainId, f.chainId), ne(products.categoryId, categoryId))).limit(1);
    expect(await refused(`/stock/counts/${count.id}/lines`, { lines: [{ productId: other!.id, quantity: 1 }] }, hq, 400)).toMatch(/not of this count’s category/);
  });

  it('takes sales made during the count at their moment: only the real difference posts', async () => {
    const p = item(0).id;
    const book = (await levelOf('S003', p)).quantity;
    // A sale made before the product was counted, and sent by its till only later.
    const early = saleOf(till, 0, 2, new Date(f.deps.clock().getTime() + MINUTE));
    f.clock.advance(5 * MINUTE);
    // On the shelf: the book, less the early sale, less three that went missing. Then scanned one more by one.
    count = await post(`/stock/counts/${count.id}/lines`, { lines: [{ productId: p, quantity: book - 2 - 3 - 1 }] }, hq, 200, StockCount);
    count = await post(`/stock/counts/${count.id}/lines`, { lines: [{ productId: p, quantity: 1, mode: 'add' }] }, hq, 200, StockCount);
    expect(count.lines.find((l) => l.productId === p)).toMatchObject({ counted: book - 5 });
    f.clock.advance(5 * MINUTE);
    // A sale after the product was counted; then the early one arrives.
    await push(till, [saleOf(till, 0, 4, f.deps.clock())]);
    await push(till, [early]);
    const now = StockCount.parse(await (await f.app.request(`/stock/counts/${count.id}`, bearer(hq))).json());
    expect(now.lines.find((l) => l.productId === p)).toMatchObject({ book, counted: book - 5, expected: book - 2, difference: -3 });

    const level = (await levelOf('S003', p)).quantity;
    expect(level).toBe(book - 6);
    const posted = await post(`/stock/counts/${count.id}/post`, { uncounted: 'keep' }, hq, 200, StockCount);
    expect(posted).toMatchObject({ status: 'posted', postedBy: expect.stringContaining('HQ') });
    expect(posted.lines.find((l) => l.productId === p)).toMatchObject({ expected: book - 2, difference: -3 });
    // Three gone: the level after the count is what is on the shelf now (counted, less the sale after it).
    expect((await levelOf('S003', p)).quantity).toBe(book - 5 - 4);
    const movements = await f.deps.db.select().from(stockMovements).where(and(eq(stockMovements.chainId, f.chainId), eq(stockMovements.documentId, count.id)));
    expect(movements.find((m) => m.productId === p)).toMatchObject({ delta: -3, reason: 'count' });
    // Uncounted lines were kept as they were: no movement for them.
    expect(movements.every((m) => posted.lines.find((l) => l.productId === m.productId)!.counted !== null)).toBe(true);
    expect(await refused(`/stock/counts/${count.id}/post`, { uncounted: 'keep' }, hq, 409)).toMatch(/posted already/);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });

  it('a shelf count of what was scanned; uncounted as none there; cancelled counts nothing', async () => {
    const shelf = await post('/stock/counts', { storeId: f.storeIds.S001, scope: 'shelf', shelf: 'B-03' }, s001Manager, 201, StockCount);
    expect(shelf.lines).toEqual([]);
    const p = item(5).id;
    const before = (await levelOf('S001', p)).quantity;
    await post(`/stock/counts/${shelf.id}/lines`, { lines: [{ productId: p, quantity: 1, mode: 'add' }] }, s001Manager, 200, StockCount);
    const scanned = await post(`/stock/counts/${shelf.id}/lines`, { lines: [{ productId: p, quantity: 1, mode: 'add' }] }, s001Manager, 200, StockCount);
    expect(scanned.lines).toEqual([expect.objectContaining({ productId: p, book: before, counted: 2, difference: 2 - before })]);
    const posted = await post(`/stock/counts/${shelf.id}/post`, { uncounted: 'zero' }, s001Manager, 200, StockCount);
    expect(posted.differenceUnits).toBe(2 - before);
    expect((await levelOf('S001', p)).quantity).toBe(2);

    const cancelled = await post('/stock/counts', { storeId: f.storeIds.S001, scope: 'store' }, s001Manager, 201, StockCount);
    expect(cancelled.lines.length).toBeGreaterThan(10);
    await post(`/stock/counts/${cancelled.id}/lines`, { lines: [{ productId: p, quantity: 50 }] }, s001Manager, 200, StockCount);
    expect((await post(`/stock/counts/${cancelled.id}/cancel`, {}, s001Manager, 200, StockCount)).status).toBe('cancelled');
    expect((await levelOf('S001', p)).quantity).toBe(2);

    const list = StockCountList.parse(await (await f.app.request(`/stock/counts?storeId=${f.storeIds.S001}`, bearer(s001Manager))).json());
    expect(list.items.map((c) => [c.scope, c.status])).toEqual([['store', 'cancelled'], ['shelf', 'posted']]);
    expect((await f.app.request(`/stock/counts?storeId=${f.storeIds.S001}`, bearer(east))).status).toBe(404);
    expect((await verifyLedgers(database.db)).ok).toBe(true);
  });
});

describe('the stock look-up (库存查询) by store, category, supplier and text', () => {
  it('shows on hand, value at cost for those who see cost, and days of cover at the last four weeks’ pace', async () => {
    const till = await pairTill(f, 'S002');
    const p = item(10);
    const row = await productRow(p.id);
    await push(till, [saleOf(till, 10, 3, f.deps.clock()), saleOf(till, 10, 4, f.deps.clock())]);
    const stock = await levelOf('S002', p.id);
    const level = stock.quantity;
    const [cost] = await f.deps.db.select({ amountMinor: productCosts.amountMinor }).from(productCosts)
      .where(and(eq(productCosts.chainId, f.chainId), eq(productCosts.productId, p.id))).orderBy(desc(productCosts.effectiveFrom)).limit(1);
    // Valued at the level's moving average; with nothing on hand the unit cost shown is the product's, and the value nothing.
    const value = level > 0 && 'valueMinor' in stock ? stock.valueMinor : 0;
    const unitCost = level > 0 ? Math.round(value / level) : cost!.amountMinor;

    const byHq = StockOverview.parse(await (await f.app.request(`/stock/overview?storeId=${f.storeIds.S002}&q=${encodeURIComponent(row.sku)}`, bearer(hq))).json());
    expect(byHq.costShown).toBe(true);
    expect(byHq.rows).toEqual([expect.objectContaining({
      storeCode: 'S002', sku: row.sku, quantity: level, unitCostMinor: unitCost, valueMinor: value,
      soldPerDay: 0.3, daysOfCover: Math.round((Math.max(level, 0) * 28 * 10) / 7) / 10,
    })]);
    expect(byHq.total).toEqual({ rows: 1, units: level, valueMinor: value });

    // By category, with the categories under it; every row of the store in that category.
    const byCategory = StockOverview.parse(await (await f.app.request(`/stock/overview?storeId=${f.storeIds.S002}&categoryId=${row.categoryId}`, bearer(hq))).json());
    expect(byCategory.rows.map((r) => r.productId)).toContain(p.id);
    expect(byCategory.total.rows).toBe(byCategory.rows.length);

    // A store manager sees their own store only, and no cost.
    const mine = StockOverview.parse(await (await f.app.request(`/stock/overview?q=${encodeURIComponent(row.sku)}`, bearer(s001Manager))).json());
    expect(mine.costShown).toBe(false);
    expect(mine.rows.every((r) => r.storeCode === 'S001' && r.unitCostMinor === null && r.valueMinor === null)).toBe(true);
    expect(mine.total.valueMinor).toBeNull();
    expect((await f.app.request(`/stock/overview?storeId=${f.storeIds.S002}`, bearer(s001Manager))).status).toBe(404);
  });
});
