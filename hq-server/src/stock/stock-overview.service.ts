import type { StockOverview, StockOverviewQuery } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { query, uuidArray } from '../db/query';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { storesInScope } from '../http/scope';
import { canSeeCost, visibleCategoryIds } from '../roles/visibility';
import { productCostAt } from './stock-value';

/** The days of sales that set a product's pace for its days of cover. */
export const COVER_WINDOW_DAYS = 28;
const MAX_ROWS = 1000;

type Row = {
  store_id: string; store_code: string; product_id: string; sku: string; name_zh: string; name_en: string; quantity: string; in_transit: string;
  value: string; unit_cost: string; sold: string; total_rows: string; total_units: string; total_value: string | null;
};

/**
 * Stock by store and product for the caller's stores (库存查询), filtered by store, category (with
 * those under it), supplier or text: on hand, on the way, value at the store's moving-average cost
 * (the level's value; units below zero carry none) for those who may see cost, and days of cover
 * at the pace of the last four weeks' sales. With nothing on hand the unit cost shown is the
 * product's cost in force.
 */
export async function stockOverview(deps: Deps, principal: Principal, q: StockOverviewQuery): Promise<StockOverview> {
  const visible = (await storesInScope(deps.db, principal)).map((s) => s.id);
  if (q.storeId && !visible.includes(q.storeId)) throw new AppError('NOT_FOUND', 'no such store');
  const storeIds = q.storeId ? [q.storeId] : visible;
  const costShown = await canSeeCost(deps.db, principal);
  if (storeIds.length === 0) return { rows: [], total: { rows: 0, units: 0, valueMinor: costShown ? 0 : null }, costShown };
  const chainId = principal.chainId;
  const categories = await visibleCategoryIds(deps.db, principal);
  const now = deps.clock();
  const since = new Date(now.getTime() - COVER_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const text = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await query<Row>(deps.db, sql`
    with recursive below(id) as (
      select id from categories where chain_id = ${chainId} and id = ${q.categoryId ?? null}::uuid
      union select c.id from categories c join below on c.parent_id = below.id where c.chain_id = ${chainId}
    ),
    stock as (
      select sl.store_id, s.code as store_code, p.id as product_id, p.sku, p.name_zh, p.name_en, sl.quantity, sl.in_transit,
             case when sl.quantity > 0 then sl.value_minor else 0 end as value,
             case when sl.quantity > 0 then round(sl.value_minor::numeric / sl.quantity)::bigint else ${productCostAt(chainId, sql`p.id`, now)} end as unit_cost,
             coalesce((select sum(d.quantity) from store_day_product_sales d
                        where d.chain_id = sl.chain_id and d.store_id = sl.store_id and d.product_id = sl.product_id and d.business_date >= ${since}::date), 0) as sold
      from stock_levels sl
      join stores s on s.chain_id = sl.chain_id and s.id = sl.store_id
      join products p on p.chain_id = sl.chain_id and p.id = sl.product_id
      where sl.chain_id = ${chainId} and sl.store_id = any(${uuidArray(storeIds)}::uuid[])
        ${q.categoryId ? sql`and p.category_id in (select id from below)` : sql``}
        ${categories === null ? sql`` : sql`and p.category_id = any(${uuidArray(categories)}::uuid[])`}
        ${q.supplierId ? sql`and exists (select 1 from supplier_products sp where sp.chain_id = p.chain_id and sp.product_id = p.id and sp.supplier_id = ${q.supplierId} and sp.active)` : sql``}
        ${text ? sql`and (p.sku ilike ${text} or p.name_zh ilike ${text} or p.name_en ilike ${text})` : sql``}
    )
    select store_id, store_code, product_id, sku, name_zh, name_en, quantity::text, in_transit::text, value::text, unit_cost::text, sold::text,
           count(*) over ()::text as total_rows, sum(quantity) over ()::text as total_units, sum(value) over ()::text as total_value
    from stock order by store_code, sku limit ${MAX_ROWS}`);
  const first = rows[0];
  return {
    rows: rows.map((r) => {
      const quantity = Number(r.quantity);
      const unitCost = costShown ? Number(r.unit_cost) : null;
      const soldPerDay = Math.round((Number(r.sold) / COVER_WINDOW_DAYS) * 10) / 10;
      return {
        storeId: r.store_id, storeCode: r.store_code, productId: r.product_id, sku: r.sku, nameZh: r.name_zh, nameEn: r.name_en, quantity, inTransit: Number(r.in_transit),
        unitCostMinor: unitCost, valueMinor: costShown ? Number(r.value) : null,
        soldPerDay, daysOfCover: Number(r.sold) > 0 ? Math.round((Math.max(quantity, 0) * COVER_WINDOW_DAYS * 10) / Number(r.sold)) / 10 : null,
      };
    }),
    total: {
      rows: Number(first?.total_rows ?? 0), units: Number(first?.total_units ?? 0),
      valueMinor: costShown ? Number(first?.total_value ?? 0) : null,
    },
    costShown,
  };
}
