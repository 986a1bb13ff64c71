import { PushResponse, SalesAnalysis, SalesGrouping, type ComparedFigures, type PairedDevice, type SalesFigures } from '@pos/shared';
import { brands, categories } from '@pos/hq-server/catalog/catalog.tables';
import { regions, stores, users } from '@pos/hq-server/org/org.tables';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { query } from '@pos/hq-server/db/query';
import { foldChainRollUp } from '@pos/hq-server/reports/chain-rollup';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saleWithClerks } from '../support/commission-sales';
import { bearer, createSeededFixture, json, pairTill, signInOffice, type Fixture } from '../support/fixture';
import { makeReturn } from '../support/returns';
import type { TestDatabase } from '../support/test-db';

let database: TestDatabase;
let f: Fixture;
let hq: string;
const franchiseeTokens = new Map<string, string>();
let filters: { storeId: string[]; regionId: string[]; franchiseeId: string[]; categoryId: string[]; brandId: string[] };

const storeCodes = ['S001', 'S002', 'S004', 'S005', 'S006'];

/** A small fixed-seed generator, so the sales are the same on every run. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

beforeAll(async () => {
  ({ database, f } = await createSeededFixture());
  const pick = generator(20261204);
  const tills = new Map<string, PairedDevice>();
  for (const code of storeCodes) tills.set(code, await pairTill(f, code));
  // Sixty days of sales over five stores, some shared by two clerks, a few partly taken back.
  for (let i = 0; i < 90; i++) {
    const code = storeCodes[pick(storeCodes.length)]!;
    const till = tills.get(code)!;
    const at = new Date(Date.parse('2026-09-01T01:00:00Z') + pick(60) * 86_400_000 + pick(14) * 3_600_000);
    const clerks = [f.clerkIds[`00${code.slice(-1)}1`]!, f.clerkIds[`00${code.slice(-1)}2`]!];
    const lines = Array.from({ length: 1 + pick(3) }, () => ({
      product: pick(f.catalog.length), units: 1 + pick(3), unitMinor: 100 + pick(2000),
      shares: pick(3) === 0 ? [] : pick(2) === 0 ? [[clerks[0]!, 10_000]] as [string, number][] : [[clerks[0]!, 7000], [clerks[1]!, 3000]] as [string, number][],
    }));
    const sale = { ...saleWithClerks(f, till, at.toISOString(), lines), cashierId: clerks[1]! };
    f.clock.set(new Date(at.getTime() + 60_000).toISOString());
    expect((await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).status).toBe(200);
    if (pick(8) === 0) {
      f.clock.set(new Date(at.getTime() + 2 * 86_400_000).toISOString());
      const back = makeReturn(f, till, `00${code.slice(-1)}2`, sale, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }]);
      expect((await f.app.request('/sync/push', json({ documents: [back] }, till.deviceToken))).status).toBe(200);
    }
  }
  f.clock.set('2026-11-22T04:00:00Z');
  hq = await signInOffice(f, 'hq@demo.pos');
  const owners = await f.deps.db.select({ id: users.franchiseeId, email: users.email }).from(users)
    .where(and(eq(users.chainId, f.chainId), eq(users.role, 'franchisee'), isNotNull(users.franchiseeId)));
  for (const owner of owners) franchiseeTokens.set(owner.id!, await signInOffice(f, owner.email));
  const storeRows = await f.deps.db.select().from(stores).where(eq(stores.chainId, f.chainId));
  filters = {
    storeId: storeCodes.map((c) => f.storeIds[c]!),
    regionId: [...new Set(storeRows.flatMap((s) => (s.regionId ? [s.regionId] : [])))],
    franchiseeId: owners.map((o) => o.id!),
    categoryId: (await f.deps.db.select({ id: categories.id }).from(categories).where(eq(categories.chainId, f.chainId))).map((c) => c.id).slice(0, 6),
    brandId: (await f.deps.db.select({ id: brands.id }).from(brands).where(eq(brands.chainId, f.chainId))).map((b) => b.id).slice(0, 4),
  };
}, 240_000);
afterAll(() => database.close());

async function analysis(token: string, query: Record<string, string>): Promise<SalesAnalysis | null> {
  const res = await f.app.request(`/reports/sales-analysis?${new URLSearchParams(query)}`, bearer(token));
  if (res.status === 400) return null;
  expect(res.status).toBe(200);
  return SalesAnalysis.parse(await res.json());
}

const additive = ['salesMinor', 'discountMinor', 'quantity', 'returnsMinor', 'marginMinor', 'uncostedMinor'] as const;
const partitions: readonly string[] = ['store', 'region', 'franchisee', 'hour', 'member_level', 'day', 'week', 'month'];

function sumOf(parts: readonly SalesFigures[], key: keyof SalesFigures): number | null {
  if (parts.some((p) => p[key] === null)) return null;
  return parts.reduce((n, p) => n + (p[key] as number), 0);
}

function expectPartsAddUp(report: SalesAnalysis): void {
  const periods: (keyof ComparedFigures)[] = ['day', 'week', 'month'].includes(report.by) ? ['current'] : ['current', 'previous', 'lastYear'];
  for (const period of periods) {
    const parts = [...report.rows.map((r) => r[period]), ...(report.others ? [report.others[period]] : [])];
    const total = report.totals[period];
    for (const key of additive) if (total[key] !== null) expect(sumOf(parts, key), `${report.by} ${period} ${key}`).toBe(total[key]);
    const ticketsAreParts = partitions.includes(report.by) && total.tickets !== null;
    if (ticketsAreParts) expect(sumOf(parts, 'tickets'), `${report.by} ${period} tickets`).toBe(total.tickets);
  }
}

describe('sales analysis: every report’s parts add up to its total', () => {
  it('for any grouping, filter and number of rows listed', async () => {
    let checked = 0;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...SalesGrouping.options),
      fc.record({
        storeId: fc.option(fc.constantFrom(...filters.storeId), { nil: undefined }),
        regionId: fc.option(fc.constantFrom(...filters.regionId), { nil: undefined }),
        franchiseeId: fc.option(fc.constantFrom(...filters.franchiseeId), { nil: undefined }),
        categoryId: fc.option(fc.constantFrom(...filters.categoryId), { nil: undefined }),
        brandId: fc.option(fc.constantFrom(...filters.brandId), { nil: undefined }),
      }, { requiredKeys: [] }),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom(['2026-10-01', '2026-10-31'], ['2026-10-05', '2026-10-18'], ['2026-09-01', '2026-10-31']),
      async (by, chosen, limit, [from, to]) => {
        const query = { from: from!, to: to!, by, limit: String(limit), ...Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined)) as Record<string, string> };
        const report = await analysis(hq, query);
        if (report === null) return;
        expect(report.rows.length).toBeLessThanOrEqual(limit);
        expectPartsAddUp(report);
        checked += 1;
      },
    ), { numRuns: 60 });
    // Questions a roll-up cannot answer (an hour narrowed to a brand) are refused; most are not.
    expect(checked).toBeGreaterThan(30);
  });

  it('gives the same totals whichever way the same sales are grouped', async () => {
    const month = { from: '2026-10-01', to: '2026-10-31' };
    const totalBy = async (by: string, extra: Record<string, string> = {}) => (await analysis(hq, { ...month, by, limit: '3', ...extra }))!.totals;
    const byStore = await totalBy('store');
    expect(byStore.current.salesMinor).toBeGreaterThan(0);
    expect(byStore.current.returnsMinor).toBeGreaterThan(0);
    for (const by of ['region', 'franchisee', 'day', 'week', 'month']) expect(await totalBy(by), by).toEqual(byStore);
    // The sold goods' roll-up: the same sales, returns and margin whichever product attribute groups them.
    const goods = (await totalBy('product')).current;
    for (const by of ['category', 'brand', 'supplier']) expect({ ...(await totalBy(by)).current, tickets: goods.tickets, averageBasketMinor: goods.averageBasketMinor }, by).toEqual(goods);
    // Tickets as rung up: hour, member level and tender see the same takings.
    const hours = (await totalBy('hour')).current;
    for (const by of ['member_level', 'tender']) expect((await totalBy(by)).current.salesMinor, by).toBe(hours.salesMinor);
    expect((await totalBy('clerk')).current.tickets).toBe(hours.tickets);
  });

  it('gives a franchisee the same figures as HQ filtered to them', async () => {
    expect(franchiseeTokens.size).toBeGreaterThan(0);
    for (const [franchiseeId, token] of franchiseeTokens) {
      for (const by of ['store', 'category', 'day', 'hour', 'tender']) {
        const query = { from: '2026-09-01', to: '2026-10-31', by };
        const own = (await analysis(token, query))!;
        const asHq = (await analysis(hq, { ...query, franchiseeId }))!;
        const withoutCost = (r: SalesAnalysis) => JSON.stringify({ ...r, seeCost: false }, (k, v) => (['marginMinor', 'marginRateBp', 'uncostedMinor'].includes(k) ? null : v));
        expect(withoutCost(own), `${franchiseeId} by ${by}`).toBe(withoutCost(asHq));
      }
    }
  });
});

describe('the roll-ups filled for sales held before them (0038)', () => {
  it('are filled with what ingest writes, figure for figure', async () => {
    const snapshot = async () => Promise.all([
      query(f.deps.db, sql`select * from store_day_product_sales order by store_id, business_date, product_id`),
      query(f.deps.db, sql`select * from store_day_sales order by store_id, business_date`),
      query(f.deps.db, sql`select * from sales_breakdowns order by kind, business_date, store_id, key`),
    ]);
    const written = await snapshot();
    expect(written[2].length).toBeGreaterThan(100);
    // The roll-ups as they stood before 0038: none of its columns filled, no breakdowns.
    await f.deps.db.execute(sql`update store_day_product_sales set discount_minor = 0, tickets = 0, returned_quantity = 0, returns_minor = 0, cost_minor = 0, uncosted_minor = 0`);
    await f.deps.db.execute(sql`update store_day_sales set cost_minor = 0, uncosted_minor = 0, margin_minor = 0`);
    await f.deps.db.execute(sql`delete from sales_breakdowns`);
    const statements = readFileSync(join(import.meta.dirname, '../../migrations/0038_report-rollups.sql'), 'utf8').split('--> statement-breakpoint');
    for (const statement of statements.filter((s) => /^\s*(--.*\n\s*)*(UPDATE|INSERT|WITH)/.test(s))) await f.deps.db.execute(sql.raw(statement));
    expect(await snapshot()).toEqual(written);
  });
});

type ProductFigures = { salesMinor: number; quantity: number | null; marginMinor: number | null };

/** A range's net sales, units and margin of each product, summed over the stores' roll-up of these stores (every store without them). */
const fromStores = async (range: { from: string; to: string }, storeIds?: string[]): Promise<Map<string, ProductFigures>> => new Map((await query<{ product_id: string; sales: string; units: string; margin: string }>(f.deps.db, sql`
  select product_id, sum(sales_minor)::text as sales, sum(quantity)::text as units, sum(sales_minor - uncosted_minor - cost_minor)::text as margin from store_day_product_sales
  where chain_id = ${f.chainId} ${storeIds ? sql`and store_id = any(${`{${storeIds.join(',')}}`}::uuid[])` : sql``} and business_date between ${range.from}::date and ${range.to}::date
  group by product_id having sum(sales_minor) <> 0 or sum(quantity) <> 0`))
  .map((r) => [r.product_id, { salesMinor: Number(r.sales), quantity: Number(r.units), marginMinor: Number(r.margin) }]));

/** A report by product's current figures of each product it lists with any (it lists the period before's too, for 环比). */
const byProduct = (report: SalesAnalysis): Map<string, ProductFigures> => new Map(report.rows.filter((r) => r.current.salesMinor !== 0 || r.current.quantity !== 0)
  .map((r) => [r.key, { salesMinor: r.current.salesMinor, quantity: r.current.quantity, marginMinor: r.current.marginMinor }]));
const withoutMargin = (map: Map<string, ProductFigures>) => new Map([...map].map(([k, v]) => [k, { ...v, marginMinor: null }]));

describe('the chain roll-up of products', () => {
  const october = { from: '2026-10-01', to: '2026-10-31' };
  /** October whole with days either side, and days inside a month: read from the month roll-up and the day roll-up together, and from the day roll-up alone. */
  const ranges = [october, { from: '2026-09-20', to: '2026-11-05' }, { from: '2026-10-05', to: '2026-10-18' }];
  /** The chain's net sales and units of each product over a range, by the stores' roll-up (`storeSums`) or by HQ's chain-wide report. */
  const salesAndUnits = (map: Map<string, ProductFigures>) => new Map([...map].map(([k, { salesMinor, quantity }]) => [k, { salesMinor, quantity }]));
  const storeSums = async (range = october) => salesAndUnits(await fromStores(range));
  const chainReport = async (range = october) => {
    const report = (await analysis(hq, { ...range, by: 'product', limit: '1000' }))!;
    expect(report.others).toBeNull();
    return salesAndUnits(byProduct(report));
  };
  const expectEveryRangeAsStores = async () => {
    for (const range of ranges) expect(await chainReport(range), `${range.from}…${range.to}`).toEqual(await storeSums(range));
  };
  /** The month roll-up beside the day roll-up summed by month, kept equal by the triggers of 0042; how many months of products it holds. */
  const expectMonthsAsDays = async () => {
    const [months, days] = await Promise.all([
      query(f.deps.db, sql`
        select month::text, product_id, quantity::text, sales_minor::text, discount_minor::text, tickets::text, returned_quantity::text, returns_minor::text,
               cost_minor::text, uncosted_minor::text
        from chain_month_product_sales where quantity <> 0 or sales_minor <> 0 or tickets <> 0 or returns_minor <> 0 or cost_minor <> 0 order by 1, 2`),
      query(f.deps.db, sql`
        select date_trunc('month', business_date)::date::text as month, product_id, sum(quantity)::text as quantity, sum(sales_minor)::text as sales_minor,
               sum(discount_minor)::text as discount_minor, sum(tickets)::text as tickets, sum(returned_quantity)::text as returned_quantity,
               sum(returns_minor)::text as returns_minor, sum(cost_minor)::text as cost_minor, sum(uncosted_minor)::text as uncosted_minor
        from chain_day_product_sales group by 1, 2
        having sum(quantity) <> 0 or sum(sales_minor) <> 0 or sum(tickets) <> 0 or sum(returns_minor) <> 0 or sum(cost_minor) <> 0 order by 1, 2`),
    ]);
    expect(months).toEqual(days);
    return months.length;
  };
  const changesWaiting = async () => (await query<{ n: number }>(f.deps.db, sql`select count(*)::int as n from chain_day_product_changes`))[0]!.n;
  let till: PairedDevice;
  beforeAll(async () => {
    till = await pairTill(f, 'S001', 1);
  });

  it('gives HQ the stores’ figures whether or not their changes are folded in yet, and a sale pushed after a fold at once', async () => {
    expect(await changesWaiting()).toBeGreaterThan(0);
    const before = await chainReport();
    expect(before.size).toBeGreaterThan(5);
    expect(before).toEqual(await storeSums());

    expect(await foldChainRollUp(f.deps.db)).toBeGreaterThan(0);
    expect(await changesWaiting()).toBe(0);
    expect(await foldChainRollUp(f.deps.db)).toBe(0);
    expect(await chainReport()).toEqual(before);
    expect(await expectMonthsAsDays()).toBeGreaterThan(20);
    await expectEveryRangeAsStores();

    f.clock.set('2026-10-20T03:00:00Z');
    const sale = saleWithClerks(f, till, '2026-10-20T02:00:00Z', [{ product: 0, units: 3, unitMinor: 1234, shares: [] }]);
    expect((await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).status).toBe(200);
    f.clock.set('2026-11-22T04:00:00Z');
    const after = await chainReport();
    const sold = f.catalog[0]!.id;
    expect(after.get(sold)).toEqual({ salesMinor: (before.get(sold)?.salesMinor ?? 0) + 3702, quantity: (before.get(sold)?.quantity ?? 0) + 3 });
    expect(after).toEqual(await storeSums());
    await foldChainRollUp(f.deps.db);
    expect(await chainReport()).toEqual(after);
    await expectEveryRangeAsStores();
    await expectMonthsAsDays();
  });

  it('is filled from the stores’ roll-up by the first fold on a database that held sales before it, ingest going on meanwhile', async () => {
    await foldChainRollUp(f.deps.db);
    const snapshot = () => query<Record<string, unknown>>(f.deps.db, sql`select * from chain_day_product_sales order by business_date, product_id`);
    const folded = await snapshot();
    expect(folded.length).toBeGreaterThan(50);
    // As 0041 leaves a database with sales: nothing filled, and reports read the stores' roll-up.
    await f.deps.db.execute(sql`delete from chain_day_product_sales`);
    await f.deps.db.execute(sql`delete from roll_up_fills`);
    expect(await chainReport()).toEqual(await storeSums());
    f.clock.set('2026-10-21T03:00:00Z');
    const sale = saleWithClerks(f, till, '2026-10-21T02:00:00Z', [{ product: 1, units: 2, unitMinor: 500, shares: [] }]);
    expect((await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken))).status).toBe(200);
    f.clock.set('2026-11-22T04:00:00Z');
    expect(await changesWaiting()).toBeGreaterThan(0);

    expect(await foldChainRollUp(f.deps.db)).toBeGreaterThan(50);
    expect(await changesWaiting()).toBe(0);
    expect(await chainReport()).toEqual(await storeSums());
    const refilled = await snapshot();
    const soldRow = (rows: Record<string, unknown>[]) => rows.find((r) => r.product_id === f.catalog[1]!.id && r.business_date === '2026-10-21');
    expect(Number(soldRow(refilled)!.sales_minor)).toBe(Number(soldRow(folded)?.sales_minor ?? 0) + 1000);
    expect(refilled.length - folded.length).toBeLessThanOrEqual(1);
    await expectMonthsAsDays();
    await expectEveryRangeAsStores();
  });
});

describe('the store groups’ roll-up of products', () => {
  const ranges = [{ from: '2026-10-01', to: '2026-10-31' }, { from: '2026-09-20', to: '2026-11-05' }, { from: '2026-09-01', to: '2026-10-31' }];
  let regionManager: string;
  beforeAll(async () => {
    regionManager = await signInOffice(f, 'pudong@demo.pos');
  });
  const storeRows = () => f.deps.db.select({ id: stores.id, franchiseeId: stores.franchiseeId, regionId: stores.regionId }).from(stores).where(eq(stores.chainId, f.chainId));
  /** Each region's stores with those of the regions under it. */
  const storesByRegion = async () => {
    const all = await f.deps.db.select({ id: regions.id, parentId: regions.parentId }).from(regions).where(eq(regions.chainId, f.chainId));
    const parentOf = new Map(all.map((r) => [r.id, r.parentId]));
    const byRegion = new Map<string, string[]>(all.map((r) => [r.id, []]));
    for (const store of await storeRows()) {
      for (let at = store.regionId; at; at = parentOf.get(at) ?? null) byRegion.get(at)!.push(store.id);
    }
    return byRegion;
  };
  /** A group's products over every range, asked by `token`, beside its stores' own roll-up (margin when the reader sees cost), and its categories' total. */
  const expectAsTheirStores = async (token: string, ask: Record<string, string>, storeIds: string[], label: string) => {
    for (const range of ranges) {
      const expected = await fromStores(range, storeIds);
      const report = (await analysis(token, { ...range, ...ask, by: 'product', limit: '1000' }))!;
      if (report.seeCost) expect(byProduct(report), `${label} ${range.from}…${range.to}`).toEqual(expected);
      else expect(withoutMargin(byProduct(report)), `${label} ${range.from}…${range.to}`).toEqual(withoutMargin(expected));
      const categories = (await analysis(token, { ...range, ...ask, by: 'category' }))!;
      expect(categories.totals.current.salesMinor, `${label} ${range.from} by category`).toBe([...expected.values()].reduce((sum, v) => sum + v.salesMinor, 0));
    }
  };
  /** Every franchisee (as themselves and to HQ) and every region (to HQ, and to its manager) read as their stores of today. */
  const expectEachGroupAsTheirStores = async () => {
    const rows = await storeRows();
    for (const [franchiseeId, token] of franchiseeTokens) {
      const own = rows.filter((r) => r.franchiseeId === franchiseeId).map((r) => r.id);
      expect(own.length).toBeGreaterThan(0);
      await expectAsTheirStores(token, {}, own, `franchisee ${franchiseeId}`);
      await expectAsTheirStores(hq, { franchiseeId }, own, `franchisee ${franchiseeId} to HQ`);
    }
    const byRegion = await storesByRegion();
    for (const [regionId, below] of byRegion) if (below.length > 0) await expectAsTheirStores(hq, { regionId }, below, `region ${regionId} to HQ`);
    const pudong = (await f.deps.db.select({ id: users.regionId }).from(users).where(eq(users.email, 'pudong@demo.pos')))[0]!.id!;
    await expectAsTheirStores(regionManager, {}, byRegion.get(pudong)!, 'the region manager');
  };
  /** The roll-up beside the stores' roll-up summed by each store's franchisee and region of today and month, when no change waits. */
  const expectMonthsAsStores = async () => {
    const [months, fromStoreRows] = await Promise.all([
      query<{ group_kind: string }>(f.deps.db, sql`
        select group_kind::text, group_id, month::text, product_id, quantity::text, sales_minor::text, tickets::text, returns_minor::text, cost_minor::text, uncosted_minor::text
        from store_group_month_product_sales where quantity <> 0 or sales_minor <> 0 or tickets <> 0 or returns_minor <> 0 or cost_minor <> 0 order by 1, 2, 3, 4`),
      query<{ group_kind: string }>(f.deps.db, sql`
        select g.kind as group_kind, g.id as group_id, date_trunc('month', r.business_date)::date::text as month, r.product_id, sum(r.quantity)::text as quantity,
               sum(r.sales_minor)::text as sales_minor, sum(r.tickets)::text as tickets, sum(r.returns_minor)::text as returns_minor,
               sum(r.cost_minor)::text as cost_minor, sum(r.uncosted_minor)::text as uncosted_minor
        from store_day_product_sales r join stores s on s.chain_id = r.chain_id and s.id = r.store_id
        cross join lateral (values ('franchisee', s.franchisee_id), ('region', s.region_id)) g(kind, id)
        where g.id is not null group by 1, 2, 3, 4
        having sum(r.quantity) <> 0 or sum(r.sales_minor) <> 0 or sum(r.tickets) <> 0 or sum(r.returns_minor) <> 0 or sum(r.cost_minor) <> 0 order by 1, 2, 3, 4`),
    ]);
    expect(months.filter((m) => m.group_kind === 'region').length).toBeGreaterThan(10);
    expect(months.filter((m) => m.group_kind === 'franchisee').length).toBeGreaterThan(10);
    expect(months).toEqual(fromStoreRows);
  };
  const sell = async (till: PairedDevice, at: string, product: number, units: number) => {
    f.clock.set(new Date(Date.parse(at) + 3_600_000).toISOString());
    const sale = { ...saleWithClerks(f, till, at, [{ product, units, unitMinor: 700, shares: [] }]), cashierId: f.clerkIds[`00${till.store.code.slice(-1)}2`]! };
    const res = await f.app.request('/sync/push', json({ documents: [sale] }, till.deviceToken));
    expect(res.status).toBe(200);
    expect(PushResponse.parse(await res.json()).results.map((r) => r.status)).toEqual(['accepted']);
    f.clock.set('2026-11-22T04:00:00Z');
  };
  const waitingOf = async (storeId: string) => (await query<{ n: number }>(f.deps.db, sql`select count(*)::int as n from chain_day_product_changes where store_id = ${storeId}`))[0]!.n;

  it('gives a franchisee or a region their stores’ figures folded or not, and moves a store’s months with it to another franchisee and region', async () => {
    const s005 = f.storeIds.S005!;
    const [before] = await f.deps.db.select({ franchiseeId: stores.franchiseeId, regionId: stores.regionId }).from(stores).where(eq(stores.id, s005));
    const other = [...franchiseeTokens.keys()].find((id) => id !== before!.franchiseeId)!;
    expect(before!.franchiseeId && franchiseeTokens.has(before!.franchiseeId)).toBe(true);
    const till = await pairTill(f, 'S005', 1);
    await foldChainRollUp(f.deps.db);
    await expectMonthsAsStores();
    await sell(till, '2026-10-12T03:00:00Z', 2, 4);
    await sell(till, '2026-11-03T03:00:00Z', 3, 1);
    expect(await waitingOf(s005)).toBeGreaterThan(0);
    await expectEachGroupAsTheirStores();

    // S005 passes to the other franchisee, and into a district made under its region, with its October sale still waiting to be folded; its history goes with it.
    const [district] = await f.deps.db.insert(regions).values({ chainId: f.chainId, id: randomUUID(), parentId: before!.regionId, code: 'PD-N', nameZh: '北片', nameEn: 'North district' }).returning();
    await f.deps.db.update(stores).set({ franchiseeId: other, regionId: district!.id }).where(eq(stores.id, s005));
    await expectEachGroupAsTheirStores();
    expect(await foldChainRollUp(f.deps.db)).toBeGreaterThan(0);
    await expectMonthsAsStores();
    await expectEachGroupAsTheirStores();

    await f.deps.db.update(stores).set({ franchiseeId: before!.franchiseeId, regionId: before!.regionId }).where(eq(stores.id, s005));
    await f.deps.db.delete(regions).where(eq(regions.id, district!.id));
    await expectMonthsAsStores();
    await expectEachGroupAsTheirStores();
  });

  it('stays right when an HQ of the release before folds, as one may during a rolling upgrade', async () => {
    const till = await pairTill(f, 'S006', 1);
    await sell(till, '2026-10-16T03:00:00Z', 6, 2);
    expect(await waitingOf(f.storeIds.S006!)).toBeGreaterThan(0);
    // The fold as the release before 0042 ran it: no fold lock taken, nothing written to the store groups.
    await f.deps.db.execute(sql`
      with moved as (delete from chain_day_product_changes returning *),
      folded as (
        insert into chain_day_product_sales (chain_id, business_date, product_id, quantity, sales_minor, discount_minor, tickets, returned_quantity, returns_minor, cost_minor, uncosted_minor)
        select chain_id, business_date, product_id, sum(quantity), sum(sales_minor), sum(discount_minor), sum(tickets), sum(returned_quantity), sum(returns_minor),
               sum(cost_minor), sum(uncosted_minor)
        from moved group by chain_id, business_date, product_id
        on conflict (chain_id, business_date, product_id) do update set quantity = chain_day_product_sales.quantity + excluded.quantity,
          sales_minor = chain_day_product_sales.sales_minor + excluded.sales_minor, discount_minor = chain_day_product_sales.discount_minor + excluded.discount_minor,
          tickets = chain_day_product_sales.tickets + excluded.tickets, returned_quantity = chain_day_product_sales.returned_quantity + excluded.returned_quantity,
          returns_minor = chain_day_product_sales.returns_minor + excluded.returns_minor, cost_minor = chain_day_product_sales.cost_minor + excluded.cost_minor,
          uncosted_minor = chain_day_product_sales.uncosted_minor + excluded.uncosted_minor
      )
      select count(*) from moved`);
    expect(await waitingOf(f.storeIds.S006!)).toBe(0);
    await expectMonthsAsStores();
    await expectEachGroupAsTheirStores();
  });

  it('is filled by the first fold on a database that held sales before it, changes that name no store counted once', async () => {
    const till = await pairTill(f, 'S004', 1);
    await sell(till, '2026-10-14T03:00:00Z', 4, 2);
    // As 0042 leaves a database with sales: the roll-up not filled, and one change appended before it, naming no store.
    await f.deps.db.execute(sql`delete from store_group_month_product_sales`);
    await f.deps.db.execute(sql`delete from roll_up_fills where roll_up = 'store_group_month_product'`);
    const [unnamed] = await query<{ n: number }>(f.deps.db, sql`
      with unnamed as (update chain_day_product_changes set store_id = null where store_id = ${f.storeIds.S004!} returning 1) select count(*)::int as n from unnamed`);
    expect(unnamed!.n).toBeGreaterThan(0);
    await expectEachGroupAsTheirStores();
    await sell(till, '2026-10-15T03:00:00Z', 5, 3);

    await foldChainRollUp(f.deps.db);
    expect(await waitingOf(f.storeIds.S004!)).toBe(0);
    await expectMonthsAsStores();
    await expectEachGroupAsTheirStores();
  });
});
