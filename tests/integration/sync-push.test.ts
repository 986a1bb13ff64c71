import { saleLines, sales } from '@pos/hq-server/sales/sales.tables';
import { storeDaySales } from '@pos/hq-server/reports/reports.tables';
import { stockLevels, stockMovements } from '@pos/hq-server/stock/stock.tables';
import { PushResponse, type PairedDevice, type Sale } from '@pos/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeededFixture, json, makeSale, pairTill, type Fixture } from '../support/fixture';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let till: PairedDevice;

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  till = await pairTill(f, 'S001');
});
afterAll(() => database.close());
beforeEach(async () => {
  await f.deps.db.execute(sql`truncate sale_payments, sale_lines, sales, stock_movements, stock_levels, shipment_lines, shipments, transfer_lines, transfers, store_day_sales, store_day_product_sales`);
});

async function push(documents: unknown[]) {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  return { status: res.status, body: res.status === 200 ? PushResponse.parse(await res.json()) : ((await res.json()) as unknown) };
}

/** Everything ingest writes, in numbers: it must match the sales exactly once. */
async function ledger() {
  const db = f.deps.db;
  const [saleCount] = await db.select({ n: sql<number>`count(*)::int`, total: sql<number>`coalesce(sum(total_minor), 0)::bigint` }).from(sales);
  const [lineQty] = await db.select({ q: sql<number>`coalesce(sum(quantity), 0)::int` }).from(saleLines);
  const [moved] = await db.select({ q: sql<number>`coalesce(sum(delta), 0)::int`, n: sql<number>`count(*)::int` }).from(stockMovements);
  const [level] = await db.select({ q: sql<number>`coalesce(sum(quantity), 0)::int` }).from(stockLevels);
  const [day] = await db.select({ tickets: sql<number>`coalesce(sum(tickets), 0)::int`, sales: sql<number>`coalesce(sum(sales_minor), 0)::bigint`, items: sql<number>`coalesce(sum(items), 0)::int` }).from(storeDaySales).where(eq(storeDaySales.storeId, till.store.id));
  return { sales: saleCount!.n, total: Number(saleCount!.total), lineQty: lineQty!.q, moved: moved!.q, movements: moved!.n, level: level!.q, tickets: day!.tickets, daySales: Number(day!.sales), items: day!.items };
}

const sumQty = (docs: Sale[]) => docs.reduce((n, s) => n + s.lines.reduce((m, l) => m + l.quantity, 0), 0);
const sumTotal = (docs: Sale[]) => docs.reduce((n, s) => n + s.totalMinor, 0);

describe('POST /sync/push', () => {
  it('takes 100 sales pushed twice as 100 sales, stock moved once', async () => {
    const docs = Array.from({ length: 100 }, () => makeSale(f, till, '0012'));
    const first = await push(docs);
    expect(first.status).toBe(200);
    expect((first.body as PushResponse).results.map((r) => r.status)).toEqual(Array(100).fill('accepted'));
    const second = await push(docs);
    expect((second.body as PushResponse).results.map((r) => r.status)).toEqual(Array(100).fill('duplicate'));
    const qty = sumQty(docs);
    expect(await ledger()).toEqual({
      sales: 100, total: sumTotal(docs), lineQty: qty, moved: -qty, movements: docs.reduce((n, s) => n + s.lines.length, 0),
      level: -qty, tickets: 100, daySales: sumTotal(docs), items: qty,
    });
  });

  it('retried after dying half-way through a batch, ends with exactly 100', async () => {
    const docs = Array.from({ length: 100 }, () => makeSale(f, till, '0013'));
    await f.deps.db.execute(sql`create sequence test_fault_counter`);
    await f.deps.db.execute(sql`create function test_fault() returns trigger language plpgsql as $$
      begin if nextval('test_fault_counter') > 50 then raise exception 'simulated crash after 50 sales'; end if; return new; end $$`);
    await f.deps.db.execute(sql`create trigger test_fault before insert on sales for each row execute function test_fault()`);
    const crashed = await push(docs);
    expect(crashed.status).toBe(500);
    expect(await ledger()).toMatchObject({ sales: 0, movements: 0, tickets: 0 });
    await f.deps.db.execute(sql`drop trigger test_fault on sales`);
    await f.deps.db.execute(sql`drop function test_fault()`);
    await f.deps.db.execute(sql`drop sequence test_fault_counter`);

    const retried = await push(docs);
    expect((retried.body as PushResponse).results.filter((r) => r.status === 'accepted')).toHaveLength(100);
    const qty = sumQty(docs);
    expect(await ledger()).toMatchObject({ sales: 100, moved: -qty, level: -qty, tickets: 100, daySales: sumTotal(docs) });
  });

  it('rejects malformed documents with their reasons and changes nothing for them', async () => {
    const good = makeSale(f, till, '0012');
    const badTotal = { ...makeSale(f, till, '0012'), totalMinor: 1 };
    const floatMoney = makeSale(f, till, '0012');
    floatMoney.lines[0]!.unitPriceMinor = 1.5 as never;
    const unknownProduct = makeSale(f, till, '0012', { lines: 1 });
    unknownProduct.lines[0]!.productId = '00000000-0000-4000-8000-000000000000';
    const notV7 = { ...makeSale(f, till, '0012'), id: '3b241101-e2bb-4255-8caf-4136c566a962' };
    const { status, body } = await push([good, badTotal, floatMoney, unknownProduct, notV7, 'junk', { kind: 'refund', id: 'x' }]);
    expect(status).toBe(200);
    const results = (body as PushResponse).results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(results[1]!.reason?.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'totalMinor' })]));
    expect(results[2]!.reason?.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'lines.0.unitPriceMinor' })]));
    expect(results[3]!.reason?.message).toMatch(/does not know/);
    expect(results[4]!.reason?.details).toEqual([expect.objectContaining({ path: 'id' })]);
    expect(await ledger()).toMatchObject({ sales: 1, total: good.totalMinor, tickets: 1 });
  });

  it('refuses a body that is not a batch, and an empty batch, changing nothing', async () => {
    for (const body of [{}, { documents: [] }, { documents: 'x' }]) {
      const res = await f.app.request('/sync/push', json(body, till.deviceToken));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    const res = await f.app.request('/sync/push', { method: 'POST', headers: { authorization: `Bearer ${till.deviceToken}`, 'content-type': 'application/json' }, body: '{"documents": [' });
    expect(res.status).toBe(400);
    expect(await ledger()).toMatchObject({ sales: 0 });
  });

  it('answers the same sale twice in one batch as accepted then duplicate', async () => {
    const sale = makeSale(f, till, '0012');
    const { body } = await push([sale, sale]);
    expect((body as PushResponse).results.map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(await ledger()).toMatchObject({ sales: 1, tickets: 1 });
  });

  it('counts two tills racing the same batch once', async () => {
    const docs = Array.from({ length: 40 }, () => makeSale(f, till, '0012'));
    const [a, b] = await Promise.all([push(docs), push(docs)]);
    const statuses = [...(a.body as PushResponse).results, ...(b.body as PushResponse).results].map((r) => r.status);
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(40);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(40);
    expect(await ledger()).toMatchObject({ sales: 40, moved: -sumQty(docs), tickets: 40 });
  });
});
