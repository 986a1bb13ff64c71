import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';

/**
 * `stock_levels.value_minor` after an upsert's delta, the shared `stockValueAfter` rule in SQL for
 * `on conflict … do update`: `excluded.quantity` is the delta, and `excluded.value_minor` what the
 * entering units are worth at their entering cost (zero for units leaving), so that cost per unit
 * is their quotient. With `ownCost` the units enter at that cost; without it they enter (or leave)
 * at the level's average, the quotient serving only where there is no average.
 */
export function levelValueOnConflict(ownCost: boolean): SQL {
  const proportional = sql.raw('round(stock_levels.value_minor::numeric * (stock_levels.quantity + excluded.quantity) / stock_levels.quantity)::bigint');
  return sql`case
    when stock_levels.quantity + excluded.quantity <= 0 then 0
    when stock_levels.quantity <= 0 then (stock_levels.quantity + excluded.quantity) * (excluded.value_minor / excluded.quantity)
    else ${ownCost ? sql.raw('stock_levels.value_minor + excluded.value_minor') : proportional} end`;
}

/** The product's cost in force at `at` (an instant, or a column of one): the latest entered for it, from any supplier; null when it has none. */
export const costInForce = (chainId: string, productId: SQL, at: Date | SQL): SQL => sql`(
  select pc.amount_minor from product_costs pc
   where pc.chain_id = ${chainId} and pc.product_id = ${productId} and pc.effective_from <= ${at instanceof Date ? sql`${at.toISOString()}::timestamptz` : at}
   order by pc.effective_from desc, pc.entered_at desc limit 1)`;

/** The product's cost in force at `at`, 0 when it has none: what units entering a place with no average are worth. */
export const productCostAt = (chainId: string, productId: SQL, at: Date): SQL => sql`coalesce(${costInForce(chainId, productId, at)}, 0)`;

/**
 * Each product's cost in force at `at`: the transfer price (配送价) of goods changing owner,
 * between stores or from HQ's centre to a franchisee's store. Products with no cost then are
 * missing from the map.
 */
export async function productCostsAt(db: Db, chainId: string, productIds: readonly string[], at: Date): Promise<Map<string, number>> {
  if (productIds.length === 0) return new Map();
  const rows = await query<{ product_id: string; amount_minor: string | null }>(db, sql`
    select p.product_id, ${costInForce(chainId, sql`p.product_id`, at)}::text as amount_minor
    from unnest(${uuidArray(productIds)}::uuid[]) as p(product_id)`);
  return new Map(rows.flatMap((r) => (r.amount_minor === null ? [] : [[r.product_id, Number(r.amount_minor)] as const])));
}
