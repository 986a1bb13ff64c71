import {
  GoodsReceipt, GoodsReceiptList, PurchaseOrder, PurchaseOrderList, PushResponse, ReceivingPlaceList, Sale, StockOverview, StockValuationList, stockValueAfter, SupplierReturn, type PairedDevice,
} from '@pos/shared';
import { products } from '@pos/hq-server/catalog/catalog.tables';
import { newId } from '@pos/hq-server/ids';
import { verifyLedgers } from '@pos/hq-server/ledger/verify-ledgers';
import { goodsReceipts } from '@pos/hq-server/stock/receiving.tables';
import { stockMovements, warehouses } from '@pos/hq-server/stock/stock.tables';
import { supplierProducts, suppliers } from '@pos/hq-server/suppliers/suppliers.tables';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let west: string;
let supplierId: string;
/** Products the supplier supplies, with the cost agreed with them. */
let supplied: { productId: string; costMinor: number }[];
let warehouseId: string;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  [hq, east, west] = await Promise.all([signInOffice(f, 'hq@demo.pos'), signInOffice(f, 'east@demo.pos'), signInOffice(f, 'west@demo.pos')]);
  const sold = f.catalog.slice(150, 300).map((p) => p.id);
  const rows = await f.deps.db.select({ supplierId: supplierProducts.supplierId, productId: supplierProducts.productId, costMinor: supplierProducts.costMinor }).from(supplierProducts)
    .where(and(eq(supplierProducts.chainId, f.chainId), inArray(supplierProducts.productId, sold))).orderBy(asc(supplierProducts.supplierId), asc(supplierProducts.productId));
  supplierId = rows.at(-1)!.supplierId;
  supplied = rows.filter((r) => r.supplierId === supplierId);
  expect(supplied.length).toBeGreaterThanOrEqual(8);
  warehouseId = (await f.deps.db.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.chainId, f.chainId)))[0]!.id;
}, 240_000);
afterAll(() => database.close());

const product = (i: number) => supplied[i]!;
const store = (code: string) => f.storeIds[code]!;

async function send<T>(path: string, body: unknown, token: string, status: number, schema: { parse: (v: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, json(body, token));
  expect(res.status, await res.clone().text()).toBe(status);
  return schema.parse(await res.json());
}

async function refused(path: string, body: unknown, token: string, status: number): Promise<{ code: string; message: string; details?: unknown }> {
  const res = await f.app.request(path, json(body, token));
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as { error: { code: string; message: string; details?: unknown } }).error;
}

async function get<T>(path: string, token: string, schema: { parse: (v: unknown) => T }): Promise<T> {
  const res = await f.app.request(path, bearer(token));
  expect(res.status, await res.clone().text()).toBe(200);
  return schema.parse(await res.json());
}

const valuation = async (placeId: string, productId: string) =>
  (await get(`/stock/valuation?placeId=${placeId}&productId=${productId}`, hq, StockValuationList)).items[0] ?? { quantity: 0, valueMinor: 0, averageCostMinor: null };
const receiptCount = async () => (await f.deps.db.select({ id: goodsReceipts.id }).from(goodsReceipts).where(eq(goodsReceipts.chainId, f.chainId))).length;

/** A sale of `quantity` of one product at a till of S003 by its cashier `0032`. */
function saleOf(till: PairedDevice, productId: string, quantity: number): Sale {
  const sale = makeSale(f, till, '0032', { lines: 1 });
  const item = f.catalog.find((p) => p.id === productId)!;
  const gross = item.priceMinor * quantity;
  const line = { ...sale.lines[0]!, productId, barcode: item.barcode, nameZh: item.nameZh, nameEn: item.nameEn, quantity, unitPriceMinor: item.priceMinor, grossMinor: gross, netMinor: gross };
  const tendered = Math.ceil(gross / 10_000) * 10_000;
  return Sale.parse({ ...sale, lines: [line], subtotalMinor: gross, totalMinor: gross, changeMinor: tendered - gross, payments: [{ ...sale.payments[0]!, amountMinor: gross, tenderedMinor: tendered }] });
}

describe('purchase orders and goods receipts (采购与收货)', () => {
  let order: PurchaseOrder;

  it('orders goods for a store, a line without a cost taking the cost agreed with the supplier', async () => {
    order = await send('/stock/purchase-orders', {
      id: newId(f.deps.clock), supplierId, placeId: store('S003'), note: '补货',
      lines: [{ productId: product(0).productId, quantity: 24 }, { productId: product(1).productId, quantity: 12, unitCostMinor: 500 }],
    }, hq, 201, PurchaseOrder);
    expect(order).toMatchObject({ no: expect.stringMatching(/^P\d{6}$/), status: 'open', place: { code: 'S003', kind: 'store' }, note: '补货' });
    const line = (id: string) => order.lines.find((l) => l.productId === id)!;
    expect(line(product(0).productId)).toMatchObject({ quantity: 24, received: 0, outstanding: 24, unitCostMinor: product(0).costMinor });
    expect(line(product(1).productId)).toMatchObject({ unitCostMinor: 500 });
    expect(order.valueMinor).toBe(24 * product(0).costMinor + 12 * 500);
  });

  it('receives part of the order, each line with its difference against it, then the rest and a product not ordered', async () => {
    const before = await valuation(store('S003'), product(0).productId);
    const first = await send('/stock/goods-receipts', {
      id: newId(f.deps.clock), supplierId, placeId: store('S003'), purchaseOrderId: order.id,
      lines: [{ productId: product(0).productId, quantity: 20 }, { productId: product(1).productId, quantity: 12 }],
    }, hq, 201, GoodsReceipt);
    expect(first).toMatchObject({ no: expect.stringMatching(/^G\d{6}$/), purchaseOrder: { id: order.id, no: order.no } });
    expect(first.lines.find((l) => l.productId === product(0).productId)).toMatchObject({ quantity: 20, expected: 24, difference: -4, unitCostMinor: product(0).costMinor });
    expect(first.lines.find((l) => l.productId === product(1).productId)).toMatchObject({ quantity: 12, expected: 12, difference: 0, unitCostMinor: 500 });
    const partly = await get(`/stock/purchase-orders/${order.id}`, hq, PurchaseOrder);
    expect(partly.status).toBe('partly_received');
    expect(partly.lines.find((l) => l.productId === product(0).productId)).toMatchObject({ received: 20, outstanding: 4 });

    const rest = await send('/stock/goods-receipts', {
      id: newId(f.deps.clock), supplierId, placeId: store('S003'), purchaseOrderId: order.id,
      lines: [{ productId: product(0).productId, quantity: 4 }, { productId: product(2).productId, quantity: 3, unitCostMinor: 100 }],
    }, hq, 201, GoodsReceipt);
    expect(rest.lines.find((l) => l.productId === product(0).productId)).toMatchObject({ expected: 4, difference: 0 });
    expect(rest.lines.find((l) => l.productId === product(2).productId)).toMatchObject({ expected: 0, difference: 3 });
    expect((await get(`/stock/purchase-orders/${order.id}`, hq, PurchaseOrder)).status).toBe('received');
    expect((await valuation(store('S003'), product(0).productId)).quantity).toBe(before.quantity + 24);
    const movements = await f.deps.db.select().from(stockMovements).where(and(eq(stockMovements.chainId, f.chainId), eq(stockMovements.documentId, first.id)));
    expect(movements.map((m) => [m.reason, m.delta]).sort()).toEqual([['receipt', 12], ['receipt', 20]]);
  });

  it('refuses to receive an order received in full, and to cancel it, changing nothing', async () => {
    const receipts = await receiptCount();
    const error = await refused('/stock/goods-receipts', {
      id: newId(f.deps.clock), supplierId, placeId: store('S003'), purchaseOrderId: order.id, lines: [{ productId: product(0).productId, quantity: 1 }],
    }, hq, 409);
    expect(error.code).toBe('CONFLICT');
    expect(await receiptCount()).toBe(receipts);
    expect((await refused(`/stock/purchase-orders/${order.id}/cancel`, {}, hq, 409)).code).toBe('CONFLICT');
  });

  it('receives without an order, at a warehouse for HQ, each line with no difference', async () => {
    const received = await send('/stock/goods-receipts', {
      id: newId(f.deps.clock), supplierId, placeId: warehouseId, lines: [{ productId: product(3).productId, quantity: 48 }],
    }, hq, 201, GoodsReceipt);
    expect(received).toMatchObject({ purchaseOrder: null, place: { kind: 'warehouse', code: 'DC01' } });
    expect(received.lines[0]).toMatchObject({ quantity: 48, expected: null, difference: null, unitCostMinor: product(3).costMinor });
    expect(await valuation(warehouseId, product(3).productId)).toMatchObject({ quantity: 48, valueMinor: 48 * product(3).costMinor, averageCostMinor: product(3).costMinor });
  });

  it('cancels an open order, and lists orders by status', async () => {
    const open = await send('/stock/purchase-orders', { id: newId(f.deps.clock), supplierId, placeId: warehouseId, lines: [{ productId: product(4).productId, quantity: 6 }] }, hq, 201, PurchaseOrder);
    const cancelled = await send(`/stock/purchase-orders/${open.id}/cancel`, {}, hq, 200, PurchaseOrder);
    expect(cancelled.status).toBe('cancelled');
    const listed = await get(`/stock/purchase-orders?placeId=${warehouseId}&status=cancelled`, hq, PurchaseOrderList);
    expect(listed.items.map((o) => o.id)).toContain(open.id);
    expect(listed.items.every((o) => o.status === 'cancelled')).toBe(true);
  });
});

describe('moving-average cost (移动加权平均成本)', () => {
  let till: PairedDevice;
  beforeAll(async () => {
    till = await pairTill(f, 'S003');
  });

  it('averages two receipts at different costs, and a sale takes stock off at the average', async () => {
    const productId = product(5).productId;
    const start = await valuation(store('S003'), productId);
    let level = { quantity: start.quantity, valueMinor: start.valueMinor ?? 0 };
    for (const [quantity, cost] of [[10, 300], [20, 450]] as const) {
      await send('/stock/goods-receipts', { id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines: [{ productId, quantity, unitCostMinor: cost }] }, hq, 201, GoodsReceipt);
      level = { quantity: level.quantity + quantity, valueMinor: stockValueAfter(level, quantity, { kind: 'own', unitCostMinor: cost }) };
      expect(await valuation(store('S003'), productId)).toMatchObject(level);
    }
    const res = PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [saleOf(till, productId, 5)] }, till.deviceToken))).json());
    expect(res.results.map((r) => r.status)).toEqual(['accepted']);
    level = { quantity: level.quantity - 5, valueMinor: stockValueAfter(level, -5, { kind: 'average', fallbackCostMinor: 0 }) };
    const after = await valuation(store('S003'), productId);
    expect(after).toMatchObject(level);
    expect(after.averageCostMinor).toBe(Math.round(level.valueMinor / level.quantity));
    // The stock look-up values the level the same way: at the store's average, not at the product's list cost.
    const [{ sku }] = (await f.deps.db.select({ sku: products.sku }).from(products).where(and(eq(products.chainId, f.chainId), eq(products.id, productId)))) as [{ sku: string }];
    const overview = await get(`/stock/overview?storeId=${store('S003')}&q=${encodeURIComponent(sku)}`, hq, StockOverview);
    expect(overview.rows).toEqual([expect.objectContaining({ productId, quantity: level.quantity, unitCostMinor: after.averageCostMinor, valueMinor: level.valueMinor })]);
    expect(overview.total.valueMinor).toBe(level.valueMinor);
  });

  it('values goods received into stock below zero only for the units left above zero', async () => {
    const productId = product(6).productId;
    const start = await valuation(store('S003'), productId);
    const sale = saleOf(till, productId, start.quantity + 4);
    expect(PushResponse.parse(await (await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).json()).results[0]!.status).toBe('accepted');
    expect(await valuation(store('S003'), productId)).toMatchObject({ quantity: -4, valueMinor: 0, averageCostMinor: null });
    await send('/stock/goods-receipts', { id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines: [{ productId, quantity: 10, unitCostMinor: 250 }] }, hq, 201, GoodsReceipt);
    expect(await valuation(store('S003'), productId)).toMatchObject({ quantity: 6, valueMinor: 1500, averageCostMinor: 250 });
    expect((await verifyLedgers(f.deps.db)).ok).toBe(true);
  });
});

describe('supplier returns (退货)', () => {
  it('sends goods back at the average, the line at the cost agreed with the supplier', async () => {
    const productId = product(0).productId;
    const before = await valuation(store('S003'), productId);
    const sent = await send('/stock/supplier-returns', { id: newId(f.deps.clock), supplierId, placeId: store('S003'), reason: 'damaged', note: '外箱破损', lines: [{ productId, quantity: 2 }] }, hq, 201, SupplierReturn);
    expect(sent).toMatchObject({ no: expect.stringMatching(/^V\d{6}$/), reason: 'damaged', valueMinor: 2 * product(0).costMinor });
    const after = await valuation(store('S003'), productId);
    expect(after.quantity).toBe(before.quantity - 2);
    expect(after.valueMinor).toBe(stockValueAfter({ quantity: before.quantity, valueMinor: before.valueMinor ?? 0 }, -2, { kind: 'average', fallbackCostMinor: 0 }));
  });

  it('refuses to send back more than is on hand, changing nothing', async () => {
    const productId = product(1).productId;
    const before = await valuation(store('S003'), productId);
    const error = await refused('/stock/supplier-returns', {
      id: newId(f.deps.clock), supplierId, placeId: store('S003'), reason: 'overstock', lines: [{ productId, quantity: before.quantity + 1 }],
    }, hq, 409);
    expect(error.details).toEqual({ lines: [{ productId, onHand: before.quantity, quantity: before.quantity + 1 }] });
    expect(await valuation(store('S003'), productId)).toEqual(before);
  });
});

describe('refusals', () => {
  const body = (lines: unknown[], extra: object = {}) => ({ id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines, ...extra });
  /** A supplier with no cost agreed for the products used here. */
  const otherSupplier = async () => (await f.deps.db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.chainId, f.chainId)).orderBy(suppliers.code))
    .find((r) => r.id !== supplierId)!.id;

  it('refuses products not the chain’s, lines without any cost, one product twice and an empty receipt', async () => {
    expect((await refused('/stock/purchase-orders', body([{ productId: newId(f.deps.clock), quantity: 1 }]), hq, 400)).code).toBe('VALIDATION_FAILED');
    const noCost = await refused('/stock/goods-receipts', body([{ productId: product(0).productId, quantity: 1 }], { supplierId: await otherSupplier() }), hq, 400);
    expect(noCost.details).toEqual({ productIds: [product(0).productId] });
    await refused('/stock/goods-receipts', body([{ productId: product(0).productId, quantity: 1 }, { productId: product(0).productId, quantity: 2 }]), hq, 400);
    await refused('/stock/goods-receipts', body([{ productId: product(0).productId, quantity: 0 }]), hq, 400);
    await refused('/stock/supplier-returns', body([{ productId: product(0).productId, quantity: 1 }], { reason: 'lost' }), hq, 400);
  });

  it('refuses an order of another place or another supplier', async () => {
    const order = await send('/stock/purchase-orders', body([{ productId: product(7).productId, quantity: 5 }]), hq, 201, PurchaseOrder);
    await refused('/stock/goods-receipts', { ...body([{ productId: product(7).productId, quantity: 5 }], { purchaseOrderId: order.id }), placeId: store('S002') }, hq, 404);
    await refused('/stock/goods-receipts', body([{ productId: product(7).productId, quantity: 5, unitCostMinor: 10 }], { purchaseOrderId: order.id, supplierId: await otherSupplier() }), hq, 400);
    expect((await get(`/stock/purchase-orders/${order.id}`, hq, PurchaseOrder)).status).toBe('open');
  });
});

describe('product history', () => {
  it('keeps a product that is only on a purchase order', async () => {
    const made = await f.app.request('/products', json({ sku: 'ON-ORDER', nameZh: '订购中', nameEn: 'On order', unit: 'piece', barcodes: [] }, hq));
    expect(made.status, await made.clone().text()).toBe(201);
    const { id } = (await made.json()) as { id: string };
    await send('/stock/purchase-orders', { id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines: [{ productId: id, quantity: 6, unitCostMinor: 150 }] }, hq, 201, PurchaseOrder);
    expect((await f.app.request(`/products/${id}/deactivate`, json({}, hq))).status).toBe(200);
    const refused = await f.app.request(`/products/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${hq}` } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('PRODUCT_SOLD');
  });
});

describe('franchisee isolation', () => {
  let hqOrder: PurchaseOrder;
  let eastOrder: PurchaseOrder;

  beforeAll(async () => {
    hqOrder = await send('/stock/purchase-orders', { id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines: [{ productId: product(0).productId, quantity: 1 }] }, hq, 201, PurchaseOrder);
  });

  it('lets a franchisee order and receive for their own stores, never a warehouse', async () => {
    eastOrder = await send('/stock/purchase-orders', { id: newId(f.deps.clock), supplierId, placeId: store('S004'), lines: [{ productId: product(0).productId, quantity: 6 }] }, east, 201, PurchaseOrder);
    const received = await send('/stock/goods-receipts', {
      id: newId(f.deps.clock), supplierId, placeId: store('S004'), purchaseOrderId: eastOrder.id, lines: [{ productId: product(0).productId, quantity: 6 }],
    }, east, 201, GoodsReceipt);
    expect(received.lines[0]!.difference).toBe(0);
    expect((await get('/stock/receiving/places', east, ReceivingPlaceList)).items.map((p) => p.code)).toEqual(['S004', 'S005']);
    await refused('/stock/goods-receipts', { id: newId(f.deps.clock), supplierId, placeId: warehouseId, lines: [{ productId: product(0).productId, quantity: 1 }] }, east, 403);
  });

  it('hides other owners’ stores and documents as if they did not exist', async () => {
    await refused('/stock/purchase-orders', { id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines: [{ productId: product(0).productId, quantity: 1 }] }, east, 404);
    await refused('/stock/goods-receipts', {
      id: newId(f.deps.clock), supplierId, placeId: store('S004'), purchaseOrderId: hqOrder.id, lines: [{ productId: product(0).productId, quantity: 1 }],
    }, east, 404);
    expect((await f.app.request(`/stock/purchase-orders/${hqOrder.id}`, bearer(east))).status).toBe(404);
    expect((await f.app.request(`/stock/purchase-orders/${eastOrder.id}`, bearer(west))).status).toBe(404);
    expect((await f.app.request(`/stock/valuation?placeId=${store('S001')}`, bearer(east))).status).toBe(404);
    await refused(`/stock/purchase-orders/${eastOrder.id}/cancel`, {}, west, 404);
    const listed = await get('/stock/goods-receipts', east, GoodsReceiptList);
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((r) => r.place.code === 'S004' || r.place.code === 'S005')).toBe(true);
    expect((await get('/stock/purchase-orders', west, PurchaseOrderList)).items.some((o) => o.id === eastOrder.id)).toBe(false);
  });

  it('does not hand another owner’s document back to a retry under its id', async () => {
    await refused('/stock/purchase-orders', { id: eastOrder.id, supplierId, placeId: store('S006'), lines: [{ productId: product(0).productId, quantity: 1 }] }, west, 404);
  });
});

describe('idempotent retries', () => {
  it('receives a receipt sent twice, or twice at once, once', async () => {
    const productId = product(4).productId;
    const before = await valuation(store('S003'), productId);
    const receipt = { id: newId(f.deps.clock), supplierId, placeId: store('S003'), lines: [{ productId, quantity: 7 }] };
    const [a, b] = await Promise.all([f.app.request('/stock/goods-receipts', json(receipt, hq)), f.app.request('/stock/goods-receipts', json(receipt, hq))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const again = await send('/stock/goods-receipts', receipt, hq, 201, GoodsReceipt);
    expect(GoodsReceipt.parse(await a.json()).no).toBe(again.no);
    expect(GoodsReceipt.parse(await b.json()).no).toBe(again.no);
    expect((await valuation(store('S003'), productId)).quantity).toBe(before.quantity + 7);
  });

  it('returns goods to a supplier sent twice once, and keeps every ledger equal to its entries', async () => {
    const productId = product(4).productId;
    const before = await valuation(store('S003'), productId);
    const back = { id: newId(f.deps.clock), supplierId, placeId: store('S003'), reason: 'overstock', lines: [{ productId, quantity: 3 }] };
    const first = await send('/stock/supplier-returns', back, hq, 201, SupplierReturn);
    expect((await send('/stock/supplier-returns', back, hq, 201, SupplierReturn)).no).toBe(first.no);
    expect((await valuation(store('S003'), productId)).quantity).toBe(before.quantity - 3);
    const report = await verifyLedgers(f.deps.db);
    expect(report.ledgers.flatMap((l) => l.differences)).toEqual([]);
  });
});
