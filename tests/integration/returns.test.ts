import { randomBytes } from 'node:crypto';
import { returnDifferences, returns } from '@pos/hq-server/returns/returns.tables';
import { storeDaySales } from '@pos/hq-server/reports/reports.tables';
import { stockLevels } from '@pos/hq-server/stock/stock.tables';
import { ApprovalList, PushResponse, ReceiptLookup, ReturnList, uuidv7, type PairedDevice, type Sale } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createSeededFixture, json, makeSale, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import { makeShiftOpen } from '../support/shift-documents';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let s001: PairedDevice;
let s001b: PairedDevice;
let s004: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  s001 = await pairTill(f, 'S001');
  s001b = await pairTill(f, 'S001', 1);
  s004 = await pairTill(f, 'S004');
});
afterAll(() => database.close());

async function push(till: PairedDevice, documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  return PushResponse.parse(await res.json()).results;
}

async function lookUp(till: PairedDevice, receiptNo: string) {
  const res = await f.app.request(`/sales/receipts/${receiptNo}`, bearer(till.deviceToken));
  return { status: res.status, body: res.status === 200 ? ReceiptLookup.parse(await res.json()) : await res.json() };
}

/** A sale whose first line has three units, pushed by S001's first till. */
async function soldSale(lines = 2): Promise<Sale> {
  const sale = makeSale(f, s001, '0012', { lines });
  sale.lines[0] = { ...sale.lines[0]!, quantity: 3, grossMinor: sale.lines[0]!.unitPriceMinor * 3, netMinor: sale.lines[0]!.unitPriceMinor * 3 } as Sale['lines'][number];
  const total = sale.lines.reduce((n, l) => n + l.netMinor, 0);
  Object.assign(sale, { subtotalMinor: total, totalMinor: total, changeMinor: 0, payments: [{ ...sale.payments[0]!, amountMinor: total, tenderedMinor: total }] });
  expect((await push(s001, [sale])).map((r) => r.status)).toEqual(['accepted']);
  return sale;
}

const stockOf = async (storeId: string, productId: string) =>
  (await f.deps.db.select().from(stockLevels).where(and(eq(stockLevels.chainId, f.chainId), eq(stockLevels.storeId, storeId), eq(stockLevels.productId, productId))))[0]?.quantity ?? 0;

describe('returns at HQ', () => {
  it('takes a return exactly once: stock comes back and the store-day takes it off the day’s sales', async () => {
    const sale = await soldSale();
    const line = sale.lines[0]!;
    const stockBefore = await stockOf(s001.store.id, line.productId);
    const [dayBefore] = await f.deps.db.select().from(storeDaySales).where(and(eq(storeDaySales.chainId, f.chainId), eq(storeDaySales.storeId, s001.store.id)));
    const doc = makeReturn(f, s001, '0012', sale, [{ saleLineId: line.id, quantity: 2 }]);
    expect((await push(s001, [doc])).map((r) => r.status)).toEqual(['accepted']);
    expect((await push(s001, [doc])).map((r) => r.status)).toEqual(['duplicate']);
    expect(await f.deps.db.$count(returns, and(eq(returns.chainId, f.chainId), eq(returns.id, doc.id)))).toBe(1);
    expect(await stockOf(s001.store.id, line.productId)).toBe(stockBefore + 2);
    const [dayAfter] = await f.deps.db.select().from(storeDaySales).where(and(eq(storeDaySales.chainId, f.chainId), eq(storeDaySales.storeId, s001.store.id)));
    const refund = doc.lines[0]!.refundMinor;
    expect(refund).toBe(line.unitPriceMinor * 2);
    expect(dayAfter!.salesMinor).toBe(dayBefore!.salesMinor - refund);
    expect(dayAfter!.returnsMinor).toBe(dayBefore!.returnsMinor + refund);
    expect(dayAfter!.items).toBe(dayBefore!.items - 2);

    const { status, body } = await lookUp(s001, sale.receiptNo);
    expect(status).toBe(200);
    const found = body as ReceiptLookup;
    expect(found.sale.id).toBe(sale.id);
    expect(found.storeCode).toBe('S001');
    expect(found.returned.lines).toEqual([{ saleLineId: line.id, quantity: 2, refundMinor: refund }]);
    expect(found.returned.returnIds).toEqual([doc.id]);
  });

  it('answers a till of another store of the chain, and refuses office users and unknown receipts', async () => {
    const sale = await soldSale();
    const other = await lookUp(s004, sale.receiptNo);
    expect(other.status).toBe(200);
    expect((other.body as ReceiptLookup).sale.lines.map((l) => l.id)).toEqual(sale.lines.map((l) => l.id));
    const hq = await signInOffice(f, 'hq@demo.pos');
    expect((await f.app.request(`/sales/receipts/${sale.receiptNo}`, bearer(hq))).status).toBe(403);
    expect((await lookUp(s001, 'T99-424242')).status).toBe(404);
    expect((await f.app.request(`/sales/receipts/${sale.receiptNo}`)).status).toBe(401);
  });

  it('takes a return at another store against the sale it was sold in, moving that store’s stock', async () => {
    const sale = await soldSale();
    const line = sale.lines[1]!;
    const before = await stockOf(s004.store.id, line.productId);
    const doc = makeReturn(f, s004, '0041', sale, [{ saleLineId: line.id, quantity: 1 }]);
    expect((await push(s004, [doc])).map((r) => r.status)).toEqual(['accepted']);
    expect(await stockOf(s004.store.id, line.productId)).toBe(before + 1);
    const east = await signInOffice(f, 'east@demo.pos');
    const west = await signInOffice(f, 'west@demo.pos');
    const eastList = ReturnList.parse(await (await f.app.request('/returns?limit=200', bearer(east))).json());
    expect(eastList.items.find((r) => r.id === doc.id)).toMatchObject({ storeCode: 'S004', original: { saleId: sale.id, storeCode: 'S001' } });
    expect(eastList.items.every((r) => ['S004', 'S005'].includes(r.storeCode))).toBe(true);
    const westList = ReturnList.parse(await (await f.app.request('/returns?limit=200', bearer(west))).json());
    expect(westList.items.some((r) => r.id === doc.id)).toBe(false);
  });

  it('accepts an over-return across tills and records the difference for the office', async () => {
    const sale = await soldSale(1);
    const line = sale.lines[0]!;
    const first = makeReturn(f, s001, '0012', sale, [{ saleLineId: line.id, quantity: 3 }]);
    const second = makeReturn(f, s001b, '0013', sale, [{ saleLineId: line.id, quantity: 2 }]);
    expect((await push(s001, [first])).map((r) => r.status)).toEqual(['accepted']);
    expect((await push(s001b, [second])).map((r) => r.status)).toEqual(['accepted']);
    const differences = await f.deps.db.select().from(returnDifferences).where(and(eq(returnDifferences.chainId, f.chainId), eq(returnDifferences.returnId, second.id)));
    // The first return took the whole payment, so all the second refunded is beyond it.
    const overRefund = second.refunds[0]!.amountMinor;
    expect(first.refunds[0]!.amountMinor).toBe(sale.payments[0]!.amountMinor);
    expect(differences.map((d) => [d.problem, d.excess]).sort()).toEqual([['OVER_REFUND', overRefund], ['OVER_RETURN', 2]]);
    expect(await f.deps.db.$count(returnDifferences, and(eq(returnDifferences.chainId, f.chainId), eq(returnDifferences.returnId, first.id)))).toBe(0);
    const hq = await signInOffice(f, 'hq@demo.pos');
    const list = ReturnList.parse(await (await f.app.request('/returns?differences=true&limit=200', bearer(hq))).json());
    expect(list.items.map((r) => r.id)).toContain(second.id);
    expect(list.items.map((r) => r.id)).not.toContain(first.id);
    expect(list.items.find((r) => r.id === second.id)!.differences.find((d) => d.problem === 'OVER_RETURN')).toMatchObject({ excess: 2, lineName: line.nameZh });
  });

  it('rejects a return naming a sale HQ does not hold in this chain, or a line not of the sale, changing nothing', async () => {
    const sale = await soldSale();
    const stranger = { ...sale, id: uuidv7(Date.now(), randomBytes(10)) };
    const unknown = makeReturn(f, s001, '0012', stranger, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    const wrongLine = makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
    wrongLine.lines[0]!.saleLineId = uuidv7(Date.now(), randomBytes(10));
    const results = await push(s001, [unknown, wrongLine]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(JSON.stringify(results[0]!.reason)).toContain('unknown original sale');
    expect(JSON.stringify(results[1]!.reason)).toContain('not a line of the original sale');
    expect(await f.deps.db.$count(returns, and(eq(returns.chainId, f.chainId), eq(returns.id, unknown.id)))).toBe(0);
  });

  it('keeps the shift a refund was paid from, and rejects one naming another till’s shift', async () => {
    const sale = await soldSale();
    const own = makeShiftOpen(f, s001, '0012');
    const other = makeShiftOpen(f, s001b, '0012');
    expect((await push(s001, [own])).map((r) => r.status)).toEqual(['accepted']);
    expect((await push(s001b, [other])).map((r) => r.status)).toEqual(['accepted']);
    const inOwn = { ...makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]), shiftId: own.id };
    const inOther = { ...makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[1]!.id, quantity: 1 }]), shiftId: other.id };
    const results = await push(s001, [inOwn, inOther]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(JSON.stringify(results[1]!.reason)).toContain(`unknown shift ${other.id}`);
    const stored = await f.deps.db.select({ id: returns.id, shiftId: returns.shiftId }).from(returns).where(and(eq(returns.chainId, f.chainId), eq(returns.originalSaleId, sale.id)));
    expect(stored).toEqual([{ id: inOwn.id, shiftId: own.id }]);
  });

  it('lists who approved a refund beside the sales’ overrides', async () => {
    const sale = await soldSale();
    const manager = f.clerkIds['0011']!;
    const doc = makeReturn(f, s001, '0012', sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], {
      approvals: () => [{ id: uuidv7(Date.now(), randomBytes(10)), key: 'refund', lineId: null, requestedBy: f.clerkIds['0012']!, approvedBy: manager, at: f.deps.clock().toISOString() }],
    });
    expect((await push(s001, [doc])).map((r) => r.status)).toEqual(['accepted']);
    const hq = await signInOffice(f, 'hq@demo.pos');
    const listed = ApprovalList.parse(await (await f.app.request('/sales/approvals?key=refund&limit=100', bearer(hq))).json());
    expect(listed.items.find((a) => a.documentId === doc.id)).toMatchObject({ documentKind: 'return', receiptNo: doc.returnNo, approvedBy: { code: '0011' }, requestedBy: { code: '0012' } });
    const returnsList = ReturnList.parse(await (await f.app.request('/returns?limit=200', bearer(hq))).json());
    expect(returnsList.items.find((r) => r.id === doc.id)!.approvals).toMatchObject([{ key: 'refund', approvedBy: { code: '0011' } }]);
  });
});
