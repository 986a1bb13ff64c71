import { SalesAnalysis, type PairedDevice, type Sale, type SalesAnalysisRow } from '@pos/shared';
import { productCosts, products } from '@pos/hq-server/catalog/catalog.tables';
import { stores } from '@pos/hq-server/org/org.tables';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saleWithClerks } from '../support/commission-sales';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
let east: string;
let s004: PairedDevice;
let s005: PairedDevice;
/** The product every golden sale sells, with its cost changed in the middle of October 2026. */
const P = 3;

async function analysis(token: string, query: string): Promise<{ status: number; body: SalesAnalysis }> {
  const res = await f.app.request(`/reports/sales-analysis?${query}`, bearer(token));
  return { status: res.status, body: res.status === 200 ? SalesAnalysis.parse(await res.json()) : (await res.json()) as SalesAnalysis };
}

async function push(till: PairedDevice, ...documents: unknown[]): Promise<void> {
  const res = await f.app.request('/sync/push', json({ documents }, till.deviceToken));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { results: { status: string }[] };
  expect(body.results.filter((r) => r.status !== 'accepted')).toEqual([]);
}

/** A cash sale of the product on `till`, rung up by the store's second clerk (S004's 0042, S005's 0052). */
const sell = (till: PairedDevice, at: string, units: number, unitMinor: number, shares: [string, number][] = []): Sale => ({
  ...saleWithClerks(f, till, at, [{ product: P, units, unitMinor, shares }]), cashierId: f.clerkIds[`00${till.store.code.slice(-1)}2`]!,
});

const row = (report: SalesAnalysis, key: string): SalesAnalysisRow => {
  const found = report.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${report.rows.map((r) => r.key).join(', ')}`);
  return found;
};

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  const db = f.deps.db;
  const productId = f.catalog[P]!.id;
  await db.delete(productCosts).where(and(eq(productCosts.chainId, f.chainId), eq(productCosts.productId, productId)));
  await db.insert(productCosts).values([
    { chainId: f.chainId, id: '0195505c-0000-7000-8000-00000000c051', productId, amountMinor: 300, effectiveFrom: new Date('2020-01-01T00:00:00Z'), enteredAt: new Date('2020-01-01T00:00:00Z') },
    { chainId: f.chainId, id: '0195505c-0000-7000-8000-00000000c052', productId, amountMinor: 400, effectiveFrom: new Date('2026-10-15T16:00:00Z'), enteredAt: new Date('2026-10-01T00:00:00Z') },
  ]);
  await db.update(stores).set({ openedOn: '2020-01-01' }).where(eq(stores.id, f.storeIds.S004!));
  await db.update(stores).set({ openedOn: '2025-10-15' }).where(eq(stores.id, f.storeIds.S005!));
  [s004, s005] = [await pairTill(f, 'S004'), await pairTill(f, 'S005')];
  hq = await signInOffice(f, 'hq@demo.pos');
  east = await signInOffice(f, 'east@demo.pos');

  const [a, b] = [f.clerkIds['0041']!, f.clerkIds['0042']!];
  const returned = sell(s004, '2026-10-20T15:30:00+08:00', 1, 1000);
  const sales: [PairedDevice, Sale][] = [
    [s004, sell(s004, '2026-10-10T10:15:00+08:00', 2, 1000, [[a, 6000], [b, 4000]])], [s004, returned],
    [s004, sell(s004, '2026-09-05T11:00:00+08:00', 1, 1000)],
    [s004, sell(s004, '2025-10-07T09:00:00+08:00', 1, 500)],
    [s004, sell(s004, '2024-02-29T12:00:00+08:00', 1, 800)],
    [s004, sell(s004, '2023-02-28T12:00:00+08:00', 1, 700)],
    [s005, sell(s005, '2026-10-12T19:00:00+08:00', 3, 1000)],
    [s005, sell(s005, '2025-10-20T19:00:00+08:00', 1, 1000)],
  ];
  // HQ takes a sale from its till within 400 days of its own clock, so each comes in soon after it was made.
  for (const [till, sale] of sales) {
    f.clock.set(new Date(Date.parse(sale.completedAt) + 3_600_000).toISOString());
    await push(till, sale);
  }
  f.clock.set('2026-10-25T03:00:00Z');
  await push(s004, makeReturn(f, s004, '0042', returned, [{ saleLineId: returned.lines[0]!.id, quantity: 1 }]));
  f.clock.set('2026-11-22T04:00:00Z');
});
afterAll(() => database.close());

const oct = 'from=2026-10-01&to=2026-10-31';

describe('sales analysis: hand-worked figures', () => {
  it('gives a store’s month beside the month before (环比) and the same month a year earlier (同比), margin from the cost in force at each sale', async () => {
    const { body } = await analysis(hq, `${oct}&by=store&storeId=${f.storeIds.S004}`);
    expect(body.periods).toEqual({
      current: { from: '2026-10-01', to: '2026-10-31' }, previous: { from: '2026-09-01', to: '2026-09-30' }, lastYear: { from: '2025-10-01', to: '2025-10-31' },
    });
    const s = row(body, f.storeIds.S004!);
    // 2 × 10.00 and 1 × 10.00 sold, that 10.00 taken back: costs 2 × 3.00 before 16 October, 4.00 after; the unit back returns at 4.00.
    expect(s.current).toEqual({
      salesMinor: 2000, quantity: 2, tickets: 2, averageBasketMinor: 1000, discountMinor: 0, returnsMinor: 1000,
      marginMinor: 1400, marginRateBp: 7000, uncostedMinor: 0,
    });
    expect(s.previous).toMatchObject({ salesMinor: 1000, tickets: 1, marginMinor: 700 });
    expect(s.lastYear).toMatchObject({ salesMinor: 500, tickets: 1, marginMinor: 200, marginRateBp: 4000 });
    expect(s).toMatchObject({ code: 'S004', openedOn: null, drill: { by: 'category', filter: 'storeId', value: f.storeIds.S004 } });
    expect(body.heat).toBeNull();
    expect(body.totals).toEqual({ current: s.current, previous: s.previous, lastYear: s.lastYear });
  });

  it('marks a store opened inside the year compared, and the franchisee reads what HQ reads for them, without margin', async () => {
    const { body: asHq } = await analysis(hq, `${oct}&by=store&franchiseeId=${(await franchiseeOf('S004'))}`);
    const opened = row(asHq, f.storeIds.S005!);
    expect(opened).toMatchObject({ openedOn: '2025-10-15', current: { salesMinor: 3000 }, lastYear: { salesMinor: 1000 } });
    expect(asHq.totals.current.salesMinor).toBe(5000);
    const { body: asFranchisee } = await analysis(east, `${oct}&by=store`);
    expect(asFranchisee.seeCost).toBe(false);
    expect(asFranchisee.rows.map((r) => [r.key, r.current.salesMinor, r.previous.salesMinor, r.lastYear.salesMinor]))
      .toEqual(asHq.rows.map((r) => [r.key, r.current.salesMinor, r.previous.salesMinor, r.lastYear.salesMinor]));
    expect(asFranchisee.totals.current).toMatchObject({ salesMinor: 5000, marginMinor: null, marginRateBp: null, uncostedMinor: null });
    expect((await analysis(east, `${oct}&by=store&storeId=${f.storeIds.S001}`)).status).toBe(404);
  });

  it('compares a leap February with the February before, and the February after with it', async () => {
    const store = `&by=store&storeId=${f.storeIds.S004}`;
    const leap = (await analysis(hq, `from=2024-02-01&to=2024-02-29${store}`)).body;
    expect(leap.periods.lastYear).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect([leap.totals.current.salesMinor, leap.totals.lastYear.salesMinor]).toEqual([800, 700]);
    expect((await analysis(hq, `from=2025-02-01&to=2025-02-28${store}`)).body.totals.lastYear.salesMinor).toBe(800);
    const day = (await analysis(hq, `from=2024-02-29&to=2024-02-29${store}`)).body;
    expect(day.periods.lastYear).toEqual({ from: '2023-02-28', to: '2023-02-28' });
    expect(day.totals.lastYear.salesMinor).toBe(700);
  });

  it('splits the month by hour, clerk share and tender, each ticket counted once in the total', async () => {
    const where = `${oct}&storeId=${f.storeIds.S004}`;
    const hours = (await analysis(hq, `${where}&by=hour`)).body;
    // Every hour from the first any period sold in (last October's 09:00) to the last, in order.
    expect(hours.rows.map((r) => r.key)).toEqual(['09', '10', '11', '12', '13', '14', '15']);
    expect(hours.rows.filter((r) => r.current.salesMinor || r.previous.salesMinor || r.lastYear.salesMinor)
      .map((r) => [r.key, r.nameEn, r.current.salesMinor, r.current.tickets, r.previous.salesMinor, r.lastYear.salesMinor])).toEqual([
      ['09', '09:00–10:00', 0, 0, 0, 500], ['10', '10:00–11:00', 2000, 1, 0, 0], ['11', '11:00–12:00', 0, 0, 1000, 0], ['15', '15:00–16:00', 1000, 1, 0, 0],
    ]);
    expect(hours.rows[1]!.current).toMatchObject({ returnsMinor: null, marginMinor: null });
    // The heat map's cells: Tuesday 20 October at 15:00, Saturday 10 October at 10:00.
    expect(hours.heat).toEqual([{ weekday: 2, hour: '15', salesMinor: 1000, tickets: 1 }, { weekday: 6, hour: '10', salesMinor: 2000, tickets: 1 }]);

    const clerks = (await analysis(hq, `${where}&by=clerk`)).body;
    expect(Object.fromEntries(clerks.rows.map((r) => [r.key, [r.current.salesMinor, r.current.quantity, r.current.tickets]]))).toEqual({
      [f.clerkIds['0041']!]: [1200, 1, 1], [f.clerkIds['0042']!]: [800, 1, 1], none: [1000, 1, 1],
    });
    expect(clerks.totals.current).toMatchObject({ salesMinor: 3000, tickets: 2, averageBasketMinor: 1500 });

    const tenders = (await analysis(hq, `${where}&by=tender`)).body;
    expect(tenders.rows.map((r) => [r.key, r.nameZh, r.current.salesMinor, r.current.quantity])).toEqual([['cash', '现金', 3000, null]]);
  });

  it('drills from the product’s category to the product, whose tickets are those it sold on', async () => {
    const [{ categoryId }] = (await f.deps.db.select({ categoryId: products.categoryId }).from(products).where(eq(products.id, f.catalog[P]!.id))) as [{ categoryId: string }];
    const byProduct = (await analysis(hq, `${oct}&by=product&categoryId=${categoryId}&storeId=${f.storeIds.S004}`)).body;
    const p = row(byProduct, f.catalog[P]!.id);
    expect(p.current).toMatchObject({ salesMinor: 2000, quantity: 2, tickets: 2, returnsMinor: 1000, marginMinor: 1400 });
    expect(p.drill).toEqual({ by: 'tickets', filter: 'productId', value: f.catalog[P]!.id });
    const journal = await f.app.request(`/sales/journal?storeId=${f.storeIds.S004}&from=2026-10-01&to=2026-10-31&productId=${p.key}`, bearer(hq));
    expect(((await journal.json()) as { total: number }).total).toBe(2);

    const byCategory = (await analysis(hq, `${oct}&by=category&storeId=${f.storeIds.S004}`)).body;
    expect(byCategory.rows).toHaveLength(1);
    expect(byCategory.rows[0]!.current).toMatchObject({ salesMinor: 2000, tickets: null, marginMinor: 1400 });
  });

  it('lays days side by side by their place in each period, keeping every day in the totals', async () => {
    const days = (await analysis(hq, `${oct}&by=day&storeId=${f.storeIds.S004}`)).body;
    expect(days.rows).toHaveLength(31);
    expect(row(days, '2026-10-10').current.salesMinor).toBe(2000);
    expect(row(days, '2026-10-25').current).toMatchObject({ salesMinor: -1000, returnsMinor: 1000 });
    expect(row(days, '2026-10-05').previous.salesMinor).toBe(1000);
    expect(row(days, '2026-10-07').lastYear.salesMinor).toBe(500);
    expect(days.totals.current.salesMinor).toBe(2000);
    const months = (await analysis(hq, `from=2026-09-01&to=2026-10-31&by=month&storeId=${f.storeIds.S004}`)).body;
    expect(months.rows.map((r) => [r.key, r.nameEn, r.current.salesMinor, r.lastYear.salesMinor])).toEqual([['2026-09-01', '2026-09', 1000, 0], ['2026-10-01', '2026-10', 2000, 500]]);
  });

  it('refuses questions it cannot answer honestly, and bad ones, with a clear error', async () => {
    expect((await analysis(hq, `${oct}&by=hour&brandId=${f.storeIds.S004}`)).status).toBe(400);
    const snacks = await signInOffice(f, 'snacks@demo.pos');
    const refused = await analysis(snacks, `${oct}&by=tender`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('only some categories');
    expect((await analysis(hq, 'from=2026-10-31&to=2026-10-01&by=store')).status).toBe(400);
    expect((await analysis(hq, 'from=2020-01-01&to=2026-10-01&by=store')).status).toBe(400);
    expect((await analysis(hq, `${oct}&by=colour`)).status).toBe(400);
  });
});

async function franchiseeOf(code: string): Promise<string> {
  const [store] = await f.deps.db.select({ franchiseeId: stores.franchiseeId }).from(stores).where(eq(stores.id, f.storeIds[code]!));
  return store!.franchiseeId!;
}

describe('sales analysis export', () => {
  it('writes the screen’s rows and totals as real numbers and dates, and counts against the role’s daily exports', async () => {
    const query = { from: '2026-10-01', to: '2026-10-31', by: 'store', franchiseeId: await franchiseeOf('S004') };
    const { body: screen } = await analysis(hq, new URLSearchParams(query).toString());
    const res = await f.app.request('/reports/sales-analysis/export', json({ query, format: 'xlsx', language: 'en' }, hq));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Sales analysis')!;
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(2).value).toBe('Total');
    expect(total.getCell(3).value).toBe(screen.totals.current.salesMinor / 100);
    expect(total.getCell(6).value).toBe(screen.totals.lastYear.salesMinor / 100);
    expect(total.getCell(7).value).toBe(2.3333);
    expect(book.getWorksheet('About')!.getRow(2).getCell(2).value).toEqual(new Date('2026-10-01T00:00:00Z'));

    const csv = await f.app.request('/reports/sales-analysis/export', json({ query, format: 'csv', language: 'zh' }, east));
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('编码,名称,销售额,环比期销售额,环比,同比期销售额,同比,数量,客流量,客单价,折扣,退货');
    expect(lines.at(-1)).toBe(',合计,50.00,10.00,400.00,15.00,233.33,5,3,16.67,0.00,10.00');
    expect(csv.headers.get('x-exports-remaining')).toBe('49');
  });
});
