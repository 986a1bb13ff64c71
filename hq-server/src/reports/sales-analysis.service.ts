import {
  addCompared, addDays, bucketStart, comparedPeriods, finishCompared, sumFigures, wholeMonthsIn, type ComparedRaw, type DayRange, type RawFigures,
  type SalesAnalysis, type SalesAnalysisQuery, type SalesAnalysisRow, type SalesDrill, type SalesGrouping, type TrendGrain,
} from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import { categoryAndBelow } from '../catalog/category-tree-sql';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { regionAndBelowQuery, storesInScope } from '../http/scope';
import { canSeeCost, visibleCategoryIds } from '../roles/visibility';
import { rollUpsFilled } from './chain-rollup';
import { labelsOf, type Label } from './sales-analysis-labels';

/**
 * Which roll-up answers: `store` (a store's tickets a day, exact tickets), `product` (store × day ×
 * product, for what was sold and for any question filtered by product), `breakdown` (a store's
 * tickets a day by hour, clerk, member level or tender).
 */
type Source = 'store' | 'product' | 'breakdown';

const breakdownKinds: Partial<Record<SalesGrouping, string>> = { hour: 'hour', clerk: 'clerk', member_level: 'member_level', tender: 'tender' };
const productGroupings: readonly SalesGrouping[] = ['category', 'brand', 'product', 'supplier'];
const timeGroupings: readonly SalesGrouping[] = ['day', 'week', 'month'];

interface StoreRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  regionId: string | null;
  franchiseeId: string | null;
  openedOn: string | null;
}

/** A part's key as SQL gives it, and its sums over one period. */
interface SqlPart {
  k: string | null;
  sales: string;
  quantity: string | null;
  tickets: string | null;
  discount: string;
  returns: string | null;
  margin: string | null;
  uncosted: string | null;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/**
 * The sales analysis (决策分析): the figures of the caller's stores over a range grouped one way,
 * each part beside the period before (环比) and a year earlier (同比), the biggest parts first and
 * the rest summed, with where each part drills down to. Reads only roll-ups kept at ingest.
 */
export async function salesAnalysis(db: Db, principal: Principal, q: SalesAnalysisQuery): Promise<SalesAnalysis> {
  const periods = comparedPeriods({ from: q.from, to: q.to });
  const [stores, seeCost, visibleCategories] = await Promise.all([storesAsked(db, principal, q), canSeeCost(db, principal), visibleCategoryIds(db, principal)]);
  const productFilter = Boolean(q.categoryId || q.brandId || q.supplierId || q.productId);
  const source: Source = breakdownKinds[q.by] ? 'breakdown' : productGroupings.includes(q.by) || productFilter || visibleCategories !== null ? 'product' : 'store';
  if (source === 'breakdown' && (productFilter || visibleCategories !== null)) {
    throw new AppError('BAD_REQUEST', visibleCategories !== null
      ? `your role sees only some categories, and sales by ${q.by} cover every category`
      : `sales by ${q.by} cannot be narrowed to a category, brand, supplier or product`);
  }
  const chainWide = principal.kind === 'office' && principal.role === 'hq_admin' && !q.storeId && !q.regionId && !q.franchiseeId;
  // The goods of the whole chain, a franchisee's stores or a region's, by what they are or by a time, are read from the roll-ups kept for them once they are filled.
  const byGoods = source === 'product' && (productGroupings.includes(q.by) || timeGroupings.includes(q.by));
  const groupAsked = chainWide ? null : storeGroupAsked(principal, q);
  const filled = byGoods && (chainWide || groupAsked) ? await rollUpsFilled(db) : null;
  const storeIds = chainWide && (source !== 'product' || filled?.chain) ? null : stores.map((s) => s.id);
  const group = filled?.storeGroups ? groupAsked : null;
  const ask = { db, chainId: principal.chainId, q, source, storeIds, group, visibleCategories };
  const [current, previous, lastYear, ticketTotals, heat] = await Promise.all([
    partsOf(ask, periods.current), partsOf(ask, periods.previous), partsOf(ask, periods.lastYear),
    // A ticket paid two ways or sold by two clerks is in two parts, so the total counts tickets themselves.
    q.by === 'clerk' || q.by === 'tender'
      ? Promise.all([periods.current, periods.previous, periods.lastYear].map((p) => storeTickets(db, principal.chainId, storeIds, p)))
      : null,
    q.by === 'hour' ? weekdayHours(db, principal.chainId, storeIds, periods.current) : null,
  ]);

  const storeById = new Map(stores.map((s) => [s.id, s]));
  const grouped = timeGroupings.includes(q.by)
    ? alignBuckets(q.by as TrendGrain, periods, { current, previous, lastYear }, source)
    : await groupParts(db, principal.chainId, q, source, storeById, { current, previous, lastYear });
  const empty = emptyFor(source, q.by);
  const ranked = [...grouped].sort(([ka, a], [kb, b]) => (ordersByKey(q.by) ? ka.localeCompare(kb) : b.current.salesMinor - a.current.salesMinor || ka.localeCompare(kb)));
  const listed = ranked.slice(0, q.limit);
  const rest = ranked.slice(q.limit);
  // Named after ranking: a month of the chain by product has ten thousand parts, and a page lists a few hundred.
  const labels = await labelsOf(db, principal.chainId, q, listed.map(([key]) => key), storeById);
  const zero: ComparedRaw = { current: empty, previous: empty, lastYear: empty };
  // Summed from every part, so a month of 31 days beside one of 30 keeps its last day in the total.
  const total: ComparedRaw = { current: sumFigures(current.values(), empty), previous: sumFigures(previous.values(), empty), lastYear: sumFigures(lastYear.values(), empty) };
  if (ticketTotals) {
    const [now, before, yearAgo] = ticketTotals;
    Object.assign(total, { current: { ...total.current, tickets: now }, previous: { ...total.previous, tickets: before }, lastYear: { ...total.lastYear, tickets: yearAgo } });
  }
  const openedInside = (day: string | null) => day !== null && day >= periods.lastYear.from && day <= periods.current.to;

  const rows: SalesAnalysisRow[] = listed.map(([key, figures]) => {
    const label = labels.get(key) ?? { code: null, nameZh: key, nameEn: key, leaf: true };
    const store = q.by === 'store' ? storeById.get(key) : undefined;
    return {
      key, code: label.code, nameZh: label.nameZh, nameEn: label.nameEn, ...finishCompared(figures, seeCost),
      openedOn: store && openedInside(store.openedOn) ? store.openedOn : null,
      drill: drillOf(q.by, key, label),
    };
  });
  return {
    by: q.by, periods, seeCost, rows,
    others: rest.length === 0 ? null : { count: rest.length, ...finishCompared(rest.reduce((sum, [, f]) => addCompared(sum, f), zero), seeCost) },
    totals: finishCompared(total, seeCost),
    heat,
  };
}

/** A period's sales by weekday and hour, from the hour breakdown. */
async function weekdayHours(db: Db, chainId: string, storeIds: string[] | null, period: DayRange): Promise<SalesAnalysis['heat']> {
  if (storeIds !== null && storeIds.length === 0) return [];
  const rows = await aggregate<{ weekday: number; hour: string; sales: string; tickets: string }>(db, {}, sql`
    select extract(isodow from r.business_date)::int as weekday, r.key as hour, sum(r.sales_minor)::text as sales, sum(r.tickets)::text as tickets
    from sales_breakdowns r
    where r.chain_id = ${chainId} and r.kind = 'hour' and r.business_date between ${period.from}::date and ${period.to}::date
      ${storeIds === null ? sql`` : sql`and r.store_id = any(${uuidArray(storeIds)}::uuid[])`}
    group by 1, 2 order by 1, 2`);
  return rows.map((r) => ({ weekday: r.weekday, hour: r.hour, salesMinor: Number(r.sales), tickets: Number(r.tickets) }));
}

/** The stores asked about within the caller's scope: all they see, or one, or a region's (with those under it), or a franchisee's. */
async function storesAsked(db: Db, principal: Principal, q: SalesAnalysisQuery): Promise<StoreRow[]> {
  const visible = await storesInScope(db, principal);
  if (q.storeId && !visible.some((s) => s.id === q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  const rows = visible.length === 0 ? [] : await query<{ id: string; code: string; name_zh: string; name_en: string; region_id: string | null; franchisee_id: string | null; opened_on: string | null }>(db, sql`
    select id, code, name_zh, name_en, region_id, franchisee_id, opened_on::text from stores
    where chain_id = ${principal.chainId} and id = any(${uuidArray(visible.map((s) => s.id))}::uuid[])
      ${q.regionId ? sql`and region_id in ${regionAndBelowQuery(principal.chainId, q.regionId)}` : sql``}
      ${q.franchiseeId ? sql`and franchisee_id = ${q.franchiseeId}` : sql``}
      ${q.storeId ? sql`and id = ${q.storeId}` : sql``}`);
  return rows.map((r) => ({ id: r.id, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, regionId: r.region_id, franchiseeId: r.franchisee_id, openedOn: r.opened_on }));
}

/** A franchisee's stores of today, or a region's with those of the regions under it. */
type StoreGroup = { kind: 'franchisee' | 'region'; id: string };

/**
 * The store group whose stores of today are exactly the stores asked about, when the question is
 * one: a franchisee's own, a region manager's region, or one franchisee or region asked by HQ.
 */
function storeGroupAsked(principal: Principal, q: SalesAnalysisQuery): StoreGroup | null {
  if (principal.kind !== 'office' || q.storeId) return null;
  const own = (kind: StoreGroup['kind'], id: string | null, asked: string | undefined): StoreGroup | null => (id && (asked ?? id) === id ? { kind, id } : null);
  switch (principal.role) {
    case 'franchisee': return q.regionId ? null : own('franchisee', principal.franchiseeId, q.franchiseeId);
    case 'region_manager': return q.franchiseeId ? null : own('region', principal.regionId, q.regionId);
    case 'hq_admin':
      if (q.franchiseeId && !q.regionId) return { kind: 'franchisee', id: q.franchiseeId };
      return q.regionId && !q.franchiseeId ? { kind: 'region', id: q.regionId } : null;
    default: return null;
  }
}

interface Ask {
  db: Db;
  chainId: string;
  q: SalesAnalysisQuery;
  source: Source;
  /** Null: every store of the chain. */
  storeIds: string[] | null;
  /** Set when `storeIds` are this group's stores of today, all of them, and the product question can be read from its roll-up. */
  group: StoreGroup | null;
  visibleCategories: string[] | null;
}

/** What each source's rows are grouped by in SQL before they are folded into the parts asked for (a product's category, brand or supplier after its rows are summed). */
function sqlKey(q: SalesAnalysisQuery, source: Source): SQL {
  const bucket = (column: SQL) => q.by === 'day' ? sql`${column}::text` : sql`date_trunc(${q.by}::text, ${column}::timestamp)::date::text`;
  if (source === 'breakdown') return sql`r.key`;
  if (timeGroupings.includes(q.by)) return bucket(sql`r.business_date`);
  if (q.by === 'product') return sql`r.product_id::text`;
  return sql`r.store_id::text`;
}

async function partsOf({ db, chainId, q, source, storeIds, group, visibleCategories }: Ask, period: DayRange): Promise<Map<string | null, RawFigures>> {
  const key = sqlKey(q, source);
  const inStores = storeIds === null ? sql`` : sql`and r.store_id = any(${uuidArray(storeIds)}::uuid[])`;
  const inPeriod = sql`r.chain_id = ${chainId} and r.business_date between ${period.from}::date and ${period.to}::date`;
  if (storeIds !== null && storeIds.length === 0) return new Map();
  let rows: SqlPart[];
  if (source === 'store') {
    rows = await aggregate<SqlPart>(db, {}, sql`
      select ${key} as k, sum(r.sales_minor)::text as sales, sum(r.items)::text as quantity, sum(r.tickets)::text as tickets,
             sum(r.discount_minor)::text as discount, sum(r.returns_minor)::text as returns, sum(r.margin_minor)::text as margin,
             sum(r.uncosted_minor)::text as uncosted
      from store_day_sales r where ${inPeriod} ${inStores} group by 1`);
  } else if (source === 'product') {
    const chosen = [
      q.categoryId ? sql`and p.category_id in ${categoryAndBelow(chainId, q.categoryId)}` : sql``,
      q.brandId ? sql`and p.brand_id = ${q.brandId}` : sql``,
      q.supplierId ? sql`and p.supplier_id = ${q.supplierId}` : sql``,
      visibleCategories === null ? sql`` : sql`and p.category_id = any(${uuidArray(visibleCategories)}::uuid[])`,
    ];
    const goodsChosen = Boolean(q.categoryId || q.brandId || q.supplierId || visibleCategories !== null);
    const attribute = ({ category: 'category_id', brand: 'brand_id', supplier: 'supplier_id' } as Partial<Record<SalesGrouping, string>>)[q.by];
    const byProduct = q.productId ? sql`and r.product_id = ${q.productId}` : sql``;
    const scope: ProductScope | null = storeIds === null ? { chainId } : group ? { chainId, group, storeIds } : null;
    if (scope) {
      // The chain's or the store group's roll-ups, summed per product before products are joined: a month joins ten thousand rows, not a quarter of a million.
      const byGoods = goodsChosen ? sql`and r.product_id in (select p.id from products p where p.chain_id = ${chainId} ${sql.join(chosen, sql` `)})` : sql``;
      const perProduct = sql`
        select r.product_id, ${attribute ? sql`''` : key} as k, sum(r.sales_minor) as sales, sum(r.quantity) as quantity,
               sum(r.tickets) as tickets, sum(r.discount_minor) as discount, sum(r.returns_minor) as returns,
               sum(r.sales_minor - r.uncosted_minor - r.cost_minor) as margin, sum(r.uncosted_minor) as uncosted
        from ${productRows(scope, period, q.by === 'day' || q.by === 'week')} r where true ${byGoods} ${byProduct} group by 1, 2`;
      rows = await aggregate<SqlPart>(db, { byBitmap: true, hashing: true }, sql`
        select ${attribute ? sql`p.${sql.raw(attribute)}::text` : sql`r.k`} as k, sum(r.sales)::text as sales, sum(r.quantity)::text as quantity,
               ${q.by === 'product' ? sql`sum(r.tickets)::text` : sql`null`} as tickets, sum(r.discount)::text as discount,
               sum(r.returns)::text as returns, sum(r.margin)::text as margin, sum(r.uncosted)::text as uncosted
        from (${perProduct}) r ${attribute ? sql`join products p on p.chain_id = ${chainId} and p.id = r.product_id` : sql``}
        group by 1`);
    } else {
      rows = await aggregate<SqlPart>(db, { byBitmap: true }, sql`
        select ${attribute ? sql`p.${sql.raw(attribute)}::text` : key} as k, sum(r.sales_minor)::text as sales, sum(r.quantity)::text as quantity,
               ${q.by === 'product' ? sql`sum(r.tickets)::text` : sql`null`} as tickets,
               sum(r.discount_minor)::text as discount, sum(r.returns_minor)::text as returns,
               sum(r.sales_minor - r.uncosted_minor - r.cost_minor)::text as margin, sum(r.uncosted_minor)::text as uncosted
        from store_day_product_sales r
        ${attribute || goodsChosen ? sql`join products p on p.chain_id = r.chain_id and p.id = r.product_id` : sql``}
        where ${inPeriod} ${inStores} ${sql.join(chosen, sql` `)} ${byProduct}
        group by 1`);
    }
  } else {
    const kind = breakdownKinds[q.by]!;
    rows = await aggregate<SqlPart>(db, {}, sql`
      select ${key} as k, sum(r.sales_minor)::text as sales, ${kind === 'tender' ? sql`null` : sql`sum(r.items)::text`} as quantity,
             sum(r.tickets)::text as tickets, sum(r.discount_minor)::text as discount, null as returns, null as margin, null as uncosted
      from sales_breakdowns r where r.kind = ${kind}::sales_breakdown_kind and ${inPeriod} ${inStores} group by 1`);
  }
  return new Map(rows.map((r) => [r.k, {
    salesMinor: Number(r.sales), quantity: num(r.quantity), tickets: num(r.tickets), discountMinor: Number(r.discount),
    returnsMinor: num(r.returns), marginMinor: num(r.margin), uncostedMinor: num(r.uncosted),
  }]));
}

/** The roll-ups a product question is read from: the whole chain's, or a store group's with its stores of today. */
type ProductScope = { chainId: string; group?: undefined } | { chainId: string; group: StoreGroup; storeIds: string[] };

/**
 * A period's rows of products from the roll-ups kept for the scope. The whole calendar months
 * inside the period are read from the month roll-up, a row per product a month (dated its first
 * day), with the changes waiting to be folded into it (see `foldChainRollUp`); the days before and
 * after them from the chain's day roll-up and its changes waiting, or from the group's stores' own
 * roll-up, exact as it stands. `byDay` reads every day, for answers by day or week.
 */
function productRows(scope: ProductScope, period: DayRange, byDay: boolean): SQL {
  const figures = sql.raw('r.product_id, r.quantity, r.sales_minor, r.discount_minor, r.tickets, r.returns_minor, r.cost_minor, r.uncosted_minor');
  const days = (range: DayRange) => sql`r.chain_id = ${scope.chainId} and r.business_date between ${range.from}::date and ${range.to}::date`;
  const inStores = scope.group === undefined ? sql`` : sql`and r.store_id = any(${uuidArray(scope.storeIds)}::uuid[])`;
  const changes = (range: DayRange) => sql`select r.business_date, ${figures} from chain_day_product_changes r where ${days(range)} ${inStores}`;
  const dayRows = (range: DayRange) => scope.group === undefined
    ? sql`select r.business_date, ${figures} from chain_day_product_sales r where ${days(range)} union all ${changes(range)}`
    : sql`select r.business_date, ${figures} from store_day_product_sales r where ${days(range)} ${inStores}`;
  const months = byDay ? null : wholeMonthsIn(period);
  if (!months) return sql`(${dayRows(period)})`;
  const inMonths = sql`r.chain_id = ${scope.chainId} and r.month between ${months.from}::date and ${bucketStart(months.to, 'month')}::date`;
  const monthRows = scope.group === undefined
    ? sql`select r.month as business_date, ${figures} from chain_month_product_sales r where ${inMonths}`
    : sql`select r.month as business_date, ${figures} from store_group_month_product_sales r
          where ${inMonths} and r.group_kind = ${scope.group.kind} and r.group_id ${scope.group.kind === 'region' ? sql`in ${regionAndBelowQuery(scope.chainId, scope.group.id)}` : sql`= ${scope.group.id}`}`;
  const edges = [{ from: period.from, to: addDays(months.from, -1) }, { from: addDays(months.to, 1), to: period.to }].filter((edge) => edge.from <= edge.to);
  return sql`(${monthRows} union all ${changes(months)}${sql.join(edges.map((edge) => sql` union all ${dayRows(edge)}`))})`;
}

/**
 * One aggregate over a roll-up, in a transaction of its own for its settings. JIT is off: each
 * aggregate runs once, and compiling one over a month of the chain's product roll-up (past the
 * default `jit_*_above_cost`) took PostgreSQL about a second before it read a row. `byBitmap`
 * reads the product roll-up by a bitmap of its key alone: its rows arrive day by day, so a
 * range's rows lie together on disk, which the planner cannot see; left to itself it reads the
 * whole table for a month of the chain, or visits the pages store by store for a few stores.
 * `hashing` groups in memory: the planner, misjudging how many rows a month of the chain roll-up
 * and its waiting changes hold, otherwise sorts a quarter of a million rows to group them.
 * The periods' aggregates still run at once, each on its own connection.
 */
async function aggregate<T>(db: Db, { byBitmap = false, hashing = false }: { byBitmap?: boolean; hashing?: boolean }, statement: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true)`);
    if (byBitmap) await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`);
    if (hashing) await tx.execute(sql`select set_config('enable_sort', 'off', true), set_config('work_mem', '64MB', true)`);
    return query<T>(tx, statement);
  });
}

/** The tickets of these stores over a period, each counted once. */
async function storeTickets(db: Db, chainId: string, storeIds: string[] | null, period: DayRange): Promise<number> {
  if (storeIds !== null && storeIds.length === 0) return 0;
  const [row] = await query<{ n: string | null }>(db, sql`
    select sum(tickets)::text as n from store_day_sales
    where chain_id = ${chainId} and business_date between ${period.from}::date and ${period.to}::date
      ${storeIds === null ? sql`` : sql`and store_id = any(${uuidArray(storeIds)}::uuid[])`}`);
  return Number(row?.n ?? 0);
}

/** Zeros where the roll-up read holds a figure, null where it does not. */
function emptyFor(source: Source, by: SalesGrouping): RawFigures {
  if (source === 'store') return { salesMinor: 0, quantity: 0, tickets: 0, discountMinor: 0, returnsMinor: 0, marginMinor: 0, uncostedMinor: 0 };
  if (source === 'product') return { salesMinor: 0, quantity: 0, tickets: by === 'product' ? 0 : null, discountMinor: 0, returnsMinor: 0, marginMinor: 0, uncostedMinor: 0 };
  return { salesMinor: 0, quantity: by === 'tender' ? null : 0, tickets: 0, discountMinor: 0, returnsMinor: null, marginMinor: null, uncostedMinor: null };
}

const ordersByKey = (by: SalesGrouping): boolean => by === 'hour' || timeGroupings.includes(by);

interface PeriodParts {
  current: Map<string | null, RawFigures>;
  previous: Map<string | null, RawFigures>;
  lastYear: Map<string | null, RawFigures>;
}

/**
 * Folds each period's SQL parts into the parts asked for: stores into their region or franchisee,
 * categories into the one just under the category asked about (or the top ones), missing ids into `none`.
 */
async function groupParts(db: Db, chainId: string, q: SalesAnalysisQuery, source: Source, stores: Map<string, StoreRow>, parts: PeriodParts): Promise<Map<string, ComparedRaw>> {
  const fold = q.by === 'category' ? await categoryFold(db, chainId, q.categoryId ?? null) : null;
  const groupOf = (k: string | null): string => {
    if (k === null) return 'none';
    if (q.by === 'region') return stores.get(k)?.regionId ?? 'none';
    if (q.by === 'franchisee') return stores.get(k)?.franchiseeId ?? 'none';
    if (fold) return fold(k);
    return k;
  };
  const empty = emptyFor(source, q.by);
  const grouped = new Map<string, ComparedRaw>();
  // Every store asked about has a row, one that sold nothing too; hours run unbroken from the first sold in to the last.
  const always = q.by === 'store' ? [...stores.keys()] : q.by === 'hour' ? hoursBetween(parts) : [];
  for (const key of always) grouped.set(key, { current: empty, previous: empty, lastYear: empty });
  for (const period of ['current', 'previous', 'lastYear'] as const) {
    const byGroup = new Map<string, RawFigures[]>();
    for (const [k, f] of parts[period]) {
      const group = groupOf(k);
      const found = byGroup.get(group);
      if (found) found.push(f);
      else byGroup.set(group, [f]);
    }
    for (const [group, found] of byGroup) {
      const row = grouped.get(group) ?? { current: empty, previous: empty, lastYear: empty };
      grouped.set(group, { ...row, [period]: sumFigures(found, empty) });
    }
  }
  return grouped;
}

function hoursBetween(parts: PeriodParts): string[] {
  const sold = [parts.current, parts.previous, parts.lastYear].flatMap((map) => [...map.keys()]).flatMap((k) => (k === null ? [] : [Number(k)]));
  if (sold.length === 0) return [];
  const [first, last] = [Math.min(...sold), Math.max(...sold)];
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i).padStart(2, '0'));
}

/** Maps a product's category to the category just under `parent` that holds it (to the top category when `parent` is null). */
async function categoryFold(db: Db, chainId: string, parent: string | null): Promise<(categoryId: string) => string> {
  const rows = await query<{ id: string; parent_id: string | null }>(db, sql`select id, parent_id from categories where chain_id = ${chainId}`);
  const parentOf = new Map(rows.map((r) => [r.id, r.parent_id]));
  return (categoryId) => {
    let at = categoryId;
    for (let depth = 0; depth < 64; depth++) {
      const up = parentOf.get(at) ?? null;
      if (up === parent) return at;
      if (up === null) return 'none';
      at = up;
    }
    return 'none';
  };
}

/**
 * Day, week or month buckets of each period, laid side by side by their place: the first week of
 * this month beside the first week of the month before and of the same month a year earlier.
 */
function alignBuckets(grain: TrendGrain, periods: { current: DayRange; previous: DayRange; lastYear: DayRange }, parts: PeriodParts, source: Source): Map<string, ComparedRaw> {
  const empty = emptyFor(source, grain);
  const bucketsOf = (range: DayRange): string[] => {
    const starts: string[] = [];
    for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
      const start = bucketStart(day, grain);
      if (starts.at(-1) !== start) starts.push(start);
    }
    return starts;
  };
  const [now, before, yearAgo] = [bucketsOf(periods.current), bucketsOf(periods.previous), bucketsOf(periods.lastYear)];
  const figuresAt = (map: Map<string | null, RawFigures>, buckets: string[], i: number): RawFigures => (i < buckets.length ? map.get(buckets[i]!) ?? empty : empty);
  return new Map(now.map((start, i) => [start, {
    current: figuresAt(parts.current, now, i), previous: figuresAt(parts.previous, before, i), lastYear: figuresAt(parts.lastYear, yearAgo, i),
  }]));
}


function drillOf(by: SalesGrouping, key: string, label: Label): SalesDrill | null {
  if (key === 'none') return null;
  switch (by) {
    case 'store': return { by: 'category', filter: 'storeId', value: key };
    case 'region': return { by: 'store', filter: 'regionId', value: key };
    case 'franchisee': return { by: 'store', filter: 'franchiseeId', value: key };
    case 'category': return { by: label.leaf ? 'product' : 'category', filter: 'categoryId', value: key };
    case 'brand': return { by: 'product', filter: 'brandId', value: key };
    case 'supplier': return { by: 'product', filter: 'supplierId', value: key };
    case 'product': return { by: 'tickets', filter: 'productId', value: key };
    default: return null;
  }
}
