import { randomBytes, randomUUID } from 'node:crypto';
import { storeDaySales } from '@pos/hq-server/reports/reports.tables';
import { clerks } from '@pos/hq-server/org/org.tables';
import { sales } from '@pos/hq-server/sales/sales.tables';
import { PushResponse, uuidv7, type PairedDevice, type Sale } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeededFixture, json, makeSale, pairTill, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;
let secondTill: PairedDevice;
let eastTill: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
  secondTill = await pairTill(f, 'S001', 1);
  eastTill = await pairTill(f, 'S004');
});
afterAll(() => database.close());
beforeEach(async () => {
  await f.deps.db.execute(sql`truncate sale_payments, sale_lines, sales, stock_movements, stock_levels, shipment_lines, shipments, transfer_lines, transfers, store_day_sales, store_day_product_sales, pricing_discrepancies`);
});

async function push(documents: unknown[], device = till) {
  const res = await f.app.request('/sync/push', json({ documents }, device.deviceToken));
  if (res.status !== 200) return { status: res.status, results: [] };
  return { status: res.status, results: PushResponse.parse(await res.json()).results };
}

const statuses = (results: PushResponse['results']) => results.map((r) => r.status);
const storedSales = async () => (await f.deps.db.select({ id: sales.id }).from(sales)).map((r) => r.id).sort();
const newId = () => uuidv7(f.deps.clock().getTime(), randomBytes(10));

describe('POST /sync/push with documents HQ cannot store', () => {
  it('answers a good sale and a poison one per document, on every retry', async () => {
    const good = makeSale(f, till, '0012', { lines: 1 });
    const poison = makeSale(f, till, '0012', { lines: 1 });
    const half = Math.floor(poison.totalMinor / 2);
    const paymentId = poison.payments[0]!.id;
    poison.payments = [
      { id: paymentId, tender: 'bank_card', amountMinor: half, tenderedMinor: null, reference: 'T1' },
      { id: paymentId, tender: 'bank_card', amountMinor: poison.totalMinor - half, tenderedMinor: null, reference: 'T2' },
    ] as Sale['payments'];
    poison.changeMinor = 0 as Sale['changeMinor'];
    for (const expected of [['accepted', 'rejected'], ['duplicate', 'rejected']]) {
      const { status, results } = await push([good, poison]);
      expect(status).toBe(200);
      expect(statuses(results)).toEqual(expected);
      expect(results[1]!.reason?.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'payments.1.id' })]));
    }
  });

  it('rejects NUL and other control characters, and lone surrogates, in any text', async () => {
    const nul = makeSale(f, till, '0012');
    nul.payments[0]!.reference = 'ref\u0000';
    const surrogate = makeSale(f, till, '0012');
    surrogate.lines[0]!.nameZh = 'bad \ud800 name';
    const escape = makeSale(f, till, '0012');
    escape.receiptNo = 'R\u001b1';
    const voucher = makeSale(f, till, '0012');
    voucher.pricing = { channel: 'retail', member: null, vouchers: [{ code: 'V\u0000' }], manualDiscounts: [] };
    const good = makeSale(f, till, '0012');
    const { status, results } = await push([nul, surrogate, escape, voucher, good]);
    expect(status).toBe(200);
    expect(statuses(results)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(results.slice(0, 4).map((r) => r.reason?.details)).toEqual([
      [expect.objectContaining({ path: 'payments.0.reference' })],
      [expect.objectContaining({ path: 'lines.0.nameZh' })],
      [expect.objectContaining({ path: 'receiptNo' })],
      [expect.objectContaining({ path: 'pricing.vouchers.0.code' })],
    ]);
  });

  it('rejects a sale whose line or payment id another sale already used, and takes the rest', async () => {
    const first = makeSale(f, till, '0012', { lines: 1 });
    expect(statuses((await push([first])).results)).toEqual(['accepted']);
    const reusedLine = makeSale(f, till, '0012', { lines: 1 });
    reusedLine.lines[0]!.id = first.lines[0]!.id;
    const reusedPayment = makeSale(f, till, '0012', { lines: 1 });
    reusedPayment.payments[0]!.id = first.payments[0]!.id;
    const good = makeSale(f, till, '0012');
    for (const expected of [['rejected', 'accepted', 'rejected'], ['rejected', 'duplicate', 'rejected']]) {
      const { status, results } = await push([reusedLine, good, reusedPayment]);
      expect(status).toBe(200);
      expect(statuses(results)).toEqual(expected);
      expect(results[0]!.reason).toMatchObject({ code: 'CONFLICT' });
      expect(JSON.stringify(results[0]!.reason)).not.toMatch(/insert|select|params/i);
    }
    expect(await storedSales()).toEqual([first.id, good.id].sort());
  });

  it('rejects two sales of one batch that share a line id, keeping the first', async () => {
    const a = makeSale(f, till, '0012', { lines: 1 });
    const b = makeSale(f, till, '0012', { lines: 1 });
    b.lines[0]!.id = a.lines[0]!.id;
    const { status, results } = await push([a, b]);
    expect(status).toBe(200);
    expect(statuses(results)).toEqual(['accepted', 'rejected']);
  });
});

describe('POST /sync/push with sales that name what the store may not use', () => {
  it('rejects a cashier or line clerk of another franchisee’s store', async () => {
    const foreignCashier = makeSale(f, till, '0041');
    const foreignClerk = makeSale(f, till, '0012', { lines: 1 });
    foreignClerk.lines[0]!.clerkId = f.clerkIds['0044']!;
    const { results } = await push([foreignCashier, foreignClerk]);
    expect(statuses(results)).toEqual(['rejected', 'rejected']);
  });

  it('takes a clerk of the same store and a chain-wide clerk', async () => {
    const chainWide = randomUUID();
    await f.deps.db.insert(clerks).values({ chainId: f.chainId, id: chainWide, storeId: null, code: '90001', name: 'Roaming', role: 'sales_clerk', pinSalt: 's', pinHash: 'h', pinIterations: 1 });
    const ownClerk = makeSale(f, till, '0012', { lines: 1 });
    ownClerk.lines[0]!.clerkId = f.clerkIds['0014']!;
    const roaming = { ...makeSale(f, till, '0012', { lines: 1 }), cashierId: chainWide };
    roaming.lines[0]!.clerkId = chainWide;
    expect(statuses((await push([ownClerk, roaming])).results)).toEqual(['accepted', 'accepted']);
    await f.deps.db.delete(clerks).where(eq(clerks.id, chainWide));
  });
});

describe('POST /sync/push with sales dated far from HQ’s clock', () => {
  const DAY = 86_400_000;
  const at = (offsetMs: number) => new Date(f.deps.clock().getTime() + offsetMs);

  it('rejects sales of 1970, of 9999, and from days ahead', async () => {
    const documents = [new Date(0), new Date('9999-12-31T00:00:00Z'), at(2 * DAY), at(-401 * DAY)].map((when) => makeSale(f, till, '0012', { at: when }));
    const { status, results } = await push(documents);
    expect(status).toBe(200);
    expect(statuses(results)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(results.map((r) => r.reason?.details)).toEqual(Array(4).fill([expect.objectContaining({ path: 'completedAt' })]));
  });

  it('takes a sale from a till that was offline for weeks, and one a few minutes ahead', async () => {
    const documents = [at(-60 * DAY), at(-399 * DAY), at(5 * 60_000)].map((when) => makeSale(f, till, '0012', { at: when }));
    expect(statuses((await push(documents)).results)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('rejects a sale started long before it was completed', async () => {
    const sale = makeSale(f, till, '0012');
    sale.startedAt = new Date(Date.parse(sale.completedAt) - 2 * DAY).toISOString();
    expect(statuses((await push([sale])).results)).toEqual(['rejected']);
  });
});

describe('POST /sync/push with an id another till used', () => {
  it('answers rejected, not duplicate, to another store or till, and duplicate to its own till', async () => {
    const sale = makeSale(f, till, '0012');
    expect(statuses((await push([sale])).results)).toEqual(['accepted']);
    const otherStore = { ...makeSale(f, eastTill, '0042'), id: sale.id };
    const otherTill = { ...makeSale(f, secondTill, '0012'), id: sale.id };
    const fromEast = await push([otherStore, otherStore], eastTill);
    const fromSecond = await push([otherTill], secondTill);
    for (const { results } of [fromEast, fromSecond]) {
      expect(new Set(statuses(results))).toEqual(new Set(['rejected']));
      expect(results[0]!.reason).toEqual({ code: 'CONFLICT', message: 'the document id is already used; the till must make a new one' });
    }
    expect(statuses((await push([sale])).results)).toEqual(['duplicate']);
    expect(await storedSales()).toEqual([sale.id]);
  });
});

/** The largest sale a till may ring up: 10 lines of just under 10 million yuan, under 100 million yuan in all. */
function maxSale(f: Fixture, device: PairedDevice): Sale {
  const sale = makeSale(f, device, '0012', { lines: 10 });
  for (const line of sale.lines) Object.assign(line, { quantity: 1, unitPriceMinor: 999_999_999, grossMinor: 999_999_999, netMinor: 999_999_999 });
  const total = 9_999_999_990;
  sale.payments = [{ id: newId(), tender: 'bank_card', amountMinor: total, tenderedMinor: null, reference: 'T3' }] as Sale['payments'];
  return Object.assign(sale, { subtotalMinor: total, totalMinor: total, changeMinor: 0 });
}

describe('POST /sync/push with amounts beyond what a till rings up', () => {
  it('rejects a line of 2^53 − 1 fen, and a sale past 100 million yuan', async () => {
    const huge = makeSale(f, till, '0012', { lines: 1 });
    const max = Number.MAX_SAFE_INTEGER;
    Object.assign(huge.lines[0]!, { quantity: 1, unitPriceMinor: max, grossMinor: max, netMinor: max });
    huge.payments = [{ id: newId(), tender: 'bank_card', amountMinor: max, tenderedMinor: null, reference: 'T4' }] as Sale['payments'];
    Object.assign(huge, { subtotalMinor: max, totalMinor: max, changeMinor: 0 });
    const tooBig = maxSale(f, till);
    tooBig.lines.push({ ...tooBig.lines[0]!, id: newId(), lineNo: 11, unitPriceMinor: 10, grossMinor: 10, netMinor: 10 } as Sale['lines'][number]);
    Object.assign(tooBig, { subtotalMinor: 10_000_000_000, totalMinor: 10_000_000_000 });
    tooBig.payments[0]!.amountMinor = 10_000_000_000 as Sale['totalMinor'];
    const { results } = await push([huge, tooBig]);
    expect(statuses(results)).toEqual(['rejected', 'rejected']);
    expect(results[1]!.reason?.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'totalMinor' })]));
  });

  it('rolls up a day of the largest sales exactly', async () => {
    // 1,000 sales of 9,999,999,990 fen: 10^13 fen, far below bigint's 9.2 × 10^18.
    const documents = Array.from({ length: 1_000 }, () => maxSale(f, till));
    for (let i = 0; i < documents.length; i += 500) {
      const { status, results } = await push(documents.slice(i, i + 500));
      expect(status).toBe(200);
      expect(new Set(statuses(results))).toEqual(new Set(['accepted']));
    }
    const [day] = await f.deps.db.select({ sales: storeDaySales.salesMinor, tickets: storeDaySales.tickets }).from(storeDaySales);
    expect(day).toEqual({ sales: 1_000 * 9_999_999_990, tickets: 1_000 });
  });
});
