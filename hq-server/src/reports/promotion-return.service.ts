import { promotionOutcome, spanBefore, type PromotedFigures, type PromotionReturnQuery, type PromotionReturnReport } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Principal } from '../http/app-env';
import { storeInScope, storesInScope } from '../http/scope';
import { canSeeCost } from '../roles/visibility';

interface Row {
  promotion_id: string;
  name: string;
  kind: string;
  first_day: string;
  last_day: string;
  products: number;
  stores: number;
  discount: string;
  gift_units: string;
  gift_cost: string;
  sales_during: string | null;
  quantity_during: string | null;
  margin_during: string | null;
  sales_before: string | null;
  quantity_before: string | null;
  margin_before: string | null;
}

/**
 * Every promotion that gave something in the caller's stores over the range, biggest cost first:
 * from the promotion roll-up, the days it gave something (first to last) and what it gave; from the
 * sales roll-up, its promoted goods (the products it touched, in the stores it touched them) over
 * those days and over as many days just before.
 */
export async function promotionReturns(db: Db, principal: Principal, q: PromotionReturnQuery): Promise<PromotionReturnReport> {
  const stores = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
  const seeCost = await canSeeCost(db, principal);
  if (stores.length === 0) return { from: q.from, to: q.to, seeCost, items: [] };
  const chainId = principal.chainId;
  const inStores = sql`r.store_id = any(${uuidArray(stores.map((s) => s.id))}::uuid[])`;
  const rows = await query<Row>(db, sql`
    with given as (
      select r.rule_id, r.store_id, r.product_id, min(r.business_date) as first_day, max(r.business_date) as last_day,
             sum(r.discount_minor) as discount, sum(r.gift_units) as gift_units, sum(r.gift_cost_minor) as gift_cost
      from promotion_day_sales r
      where r.chain_id = ${chainId} and r.business_date between ${q.from}::date and ${q.to}::date and ${inStores}
      group by r.rule_id, r.store_id, r.product_id
    ),
    promotion as (
      select p.id as promotion_id, p.name, p.kind, min(g.first_day) as first_day, max(g.last_day) as last_day,
             count(distinct g.product_id)::int as products, count(distinct g.store_id)::int as stores,
             sum(g.discount) as discount, sum(g.gift_units) as gift_units, sum(g.gift_cost) as gift_cost
      from given g join promotions p on p.chain_id = ${chainId} and p.id::text = g.rule_id
      group by p.id, p.name, p.kind
    ),
    promoted as (
      select p.promotion_id,
             sum(d.sales_minor) filter (where d.business_date >= p.first_day) as sales_during,
             sum(d.quantity) filter (where d.business_date >= p.first_day) as quantity_during,
             sum(d.sales_minor - d.uncosted_minor - d.cost_minor) filter (where d.business_date >= p.first_day) as margin_during,
             sum(d.sales_minor) filter (where d.business_date < p.first_day) as sales_before,
             sum(d.quantity) filter (where d.business_date < p.first_day) as quantity_before,
             sum(d.sales_minor - d.uncosted_minor - d.cost_minor) filter (where d.business_date < p.first_day) as margin_before
      from promotion p
      join (select distinct rule_id, store_id, product_id from given) g on g.rule_id = p.promotion_id::text
      join store_day_product_sales d on d.chain_id = ${chainId} and d.store_id = g.store_id and d.product_id = g.product_id
        and d.business_date between p.first_day - (p.last_day - p.first_day + 1) and p.last_day
      group by p.promotion_id
    )
    select p.promotion_id, p.name, p.kind, p.first_day::text, p.last_day::text, p.products, p.stores,
           p.discount::text, p.gift_units::text, p.gift_cost::text, f.sales_during::text, f.quantity_during::text, f.margin_during::text,
           f.sales_before::text, f.quantity_before::text, f.margin_before::text
    from promotion p left join promoted f using (promotion_id)
    order by p.discount + p.gift_cost desc, p.name`);
  const figures = (sales: string | null, quantity: string | null, margin: string | null): PromotedFigures => ({
    salesMinor: Number(sales ?? 0), quantity: Number(quantity ?? 0), marginMinor: seeCost ? Number(margin ?? 0) : null,
  });
  return {
    from: q.from, to: q.to, seeCost,
    items: rows.map((r) => {
      const during = { from: r.first_day, to: r.last_day };
      const promoted = { during: figures(r.sales_during, r.quantity_during, r.margin_during), before: figures(r.sales_before, r.quantity_before, r.margin_before) };
      const giftCostMinor = seeCost ? Number(r.gift_cost) : null;
      const costMinor = Number(r.discount) + (giftCostMinor ?? 0);
      return {
        promotionId: r.promotion_id, name: r.name, kind: r.kind, during, before: spanBefore(during), products: r.products, stores: r.stores,
        discountMinor: Number(r.discount), giftUnits: Number(r.gift_units), giftCostMinor, costMinor, promoted,
        ...promotionOutcome(promoted.during, promoted.before, costMinor),
      };
    }),
  };
}
