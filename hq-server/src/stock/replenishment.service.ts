import {
  suggestReplenishment,
  type ReplenishmentAskBody, type ReplenishmentAskResult, type ReplenishmentRule, type ReplenishmentRuleBody, type ReplenishmentSuggestionItem, type ReplenishmentSuggestionList,
} from '@pos/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query, uuidArray } from '../db/query';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { storeInScope } from '../http/scope';
import { products } from '../catalog/catalog.tables';
import { createRequisition } from './distribution.service';
import { COVER_WINDOW_DAYS } from './stock-overview.service';
import { storeReplenishment } from './store-stock.tables';

type RuleRow = {
  product_id: string; sku: string; name_zh: string; name_en: string; pack_size: number; policy: ReplenishmentRule['policy'];
  min_quantity: number; max_quantity: number; lead_time_days: number; last_asked_at: string | null; updated_at: string;
};
type FactsRow = RuleRow & { on_hand: string; in_transit: string; asked: string; sold_since: string; recent_sold: string };

const isoOf = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A store's rules (of some products, or all), each with its product's names and pack size (1 when none is set). */
const rulesSql = (chainId: string, storeId: string, productIds: readonly string[] | null) => sql`
  select r.product_id, p.sku, p.name_zh, p.name_en, coalesce(pp.pack_size, 1) as pack_size, r.policy, r.min_quantity, r.max_quantity, r.lead_time_days,
         ${isoOf('r.last_asked_at')} as last_asked_at, ${isoOf('r.updated_at')} as updated_at, coalesce(r.last_asked_at, r.updated_at) as counted_from
  from store_replenishment r
  join products p on p.chain_id = r.chain_id and p.id = r.product_id
  left join product_packs pp on pp.chain_id = r.chain_id and pp.product_id = r.product_id
  where r.chain_id = ${chainId} and r.store_id = ${storeId} ${productIds ? sql`and r.product_id = any(${uuidArray(productIds)}::uuid[])` : sql``}`;

const ruleOf = (storeId: string, r: RuleRow): ReplenishmentRule => ({
  storeId, productId: r.product_id, sku: r.sku, nameZh: r.name_zh, nameEn: r.name_en, packSize: r.pack_size, policy: r.policy,
  minQuantity: r.min_quantity, maxQuantity: r.max_quantity, leadTimeDays: r.lead_time_days, lastAskedAt: r.last_asked_at, updatedAt: r.updated_at,
});

/** The rules of one of the caller's stores, by SKU. */
export async function listRules(deps: Deps, principal: Principal, storeId: string): Promise<ReplenishmentRule[]> {
  await storeInScope(deps.db, principal, storeId);
  const rows = await query<RuleRow>(deps.db, sql`${rulesSql(principal.chainId, storeId, null)} order by p.sku`);
  return rows.map((r) => ruleOf(storeId, r));
}

/** Sets a store's rule for a product, one of the chain's active ones; a rule set again keeps when it was last asked. */
export async function setRule(deps: Deps, principal: Principal, storeId: string, productId: string, body: ReplenishmentRuleBody): Promise<ReplenishmentRule> {
  const { chainId } = officePrincipal(principal);
  await storeInScope(deps.db, principal, storeId);
  const [product] = await deps.db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), eq(products.id, productId), eq(products.active, true)));
  if (!product) throw new AppError('VALIDATION_FAILED', 'the product is not one of the chain’s active products', { productIds: [productId] });
  const values = { policy: body.policy, minQuantity: body.minQuantity, maxQuantity: body.maxQuantity, leadTimeDays: body.leadTimeDays, updatedAt: deps.clock() };
  await deps.db.insert(storeReplenishment).values({ chainId, storeId, productId, ...values })
    .onConflictDoUpdate({ target: [storeReplenishment.chainId, storeReplenishment.storeId, storeReplenishment.productId], set: values });
  const [row] = await query<RuleRow>(deps.db, rulesSql(chainId, storeId, [productId]));
  return ruleOf(storeId, row!);
}

/** Removes a store's rule for a product: no more suggestions for it. */
export async function deleteRule(deps: Deps, principal: Principal, storeId: string, productId: string): Promise<void> {
  const { chainId } = officePrincipal(principal);
  await storeInScope(deps.db, principal, storeId);
  const gone = await deps.db.delete(storeReplenishment)
    .where(and(eq(storeReplenishment.chainId, chainId), eq(storeReplenishment.storeId, storeId), eq(storeReplenishment.productId, productId)))
    .returning({ productId: storeReplenishment.productId });
  if (gone.length === 0) throw new AppError('NOT_FOUND', 'the store has no rule for this product');
}

/**
 * What each rule suggests at `now`, from the facts: the store's level and what is on its way;
 * what its requisitions asked and were not shipped (an allocated one counts what it was given,
 * since the rest of it will not come); sales less returns since the rule was last asked (or set),
 * as HQ received them, which is also what stamping `last_asked_at` closes; and the last four
 * weeks' sales by business day, for the pace over the lead time.
 */
async function suggestionsAt(db: Db, chainId: string, storeId: string, productIds: readonly string[] | null, now: Date): Promise<ReplenishmentSuggestionItem[]> {
  const paceFrom = new Date(now.getTime() - COVER_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await query<FactsRow>(db, sql`
    with rule as (${rulesSql(chainId, storeId, productIds)})
    select rule.*,
           coalesce(sl.quantity, 0)::text as on_hand, coalesce(sl.in_transit, 0)::text as in_transit,
           coalesce((select sum(greatest((case when q.status = 'asked' then l.asked else l.allocated end) - l.shipped, 0))
                       from requisition_lines l join requisitions q on q.chain_id = l.chain_id and q.id = l.requisition_id
                      where l.chain_id = ${chainId} and q.store_id = ${storeId} and l.product_id = rule.product_id and q.status in ('asked', 'allocated')), 0)::text as asked,
           coalesce((select -sum(m.delta) from stock_movements m
                      where m.chain_id = ${chainId} and m.store_id = ${storeId} and m.product_id = rule.product_id and m.reason in ('sale', 'return', 'exchange')
                        and m.created_at > rule.counted_from and m.created_at <= ${now.toISOString()}::timestamptz), 0)::text as sold_since,
           coalesce((select sum(d.quantity) from store_day_product_sales d
                      where d.chain_id = ${chainId} and d.store_id = ${storeId} and d.product_id = rule.product_id and d.business_date >= ${paceFrom}::date), 0)::text as recent_sold
    from rule
    left join stock_levels sl on sl.chain_id = ${chainId} and sl.store_id = ${storeId} and sl.product_id = rule.product_id`);
  return rows.map((r) => {
    const s = suggestReplenishment(
      { policy: r.policy, minQuantity: r.min_quantity, maxQuantity: r.max_quantity, leadTimeDays: r.lead_time_days },
      {
        onHand: Number(r.on_hand), inTransit: Number(r.in_transit), asked: Number(r.asked), packSize: r.pack_size,
        soldSinceAsked: Number(r.sold_since), recentSold: Number(r.recent_sold), paceDays: COVER_WINDOW_DAYS,
      },
    );
    return { productId: r.product_id, sku: r.sku, nameZh: r.name_zh, nameEn: r.name_en, packSize: r.pack_size, packs: s.packs, quantity: s.quantity, why: s.why };
  }).sort((a, b) => Number(b.quantity > 0) - Number(a.quantity > 0) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/** Every rule of one of the caller's stores with what it suggests now and why. */
export async function listSuggestions(deps: Deps, principal: Principal, storeId: string): Promise<ReplenishmentSuggestionList> {
  await storeInScope(deps.db, principal, storeId);
  return { storeId, items: await suggestionsAt(deps.db, principal.chainId, storeId, null, deps.clock()) };
}

/**
 * Turns the chosen rules' suggestions into one requisition, through the rules of
 * `createRequisition`, and stamps those rules asked, in one transaction. The rules are locked and
 * the quantities worked out again inside it, so two presses at once ask once: the second sees the
 * first's requisition (or, selling one to send one, nothing sold since) and finds nothing left,
 * which is refused. Chosen products with nothing left are skipped and named.
 */
export async function askSuggested(deps: Deps, principal: Principal, body: ReplenishmentAskBody): Promise<ReplenishmentAskResult> {
  const { chainId } = officePrincipal(principal);
  await storeInScope(deps.db, principal, body.storeId);
  return deps.db.transaction(async (tx) => {
    const locked = await tx.select({ productId: storeReplenishment.productId }).from(storeReplenishment)
      .where(and(eq(storeReplenishment.chainId, chainId), eq(storeReplenishment.storeId, body.storeId), inArray(storeReplenishment.productId, body.productIds)))
      .for('update');
    const missing = body.productIds.filter((id) => !locked.some((l) => l.productId === id));
    if (missing.length) throw new AppError('VALIDATION_FAILED', 'the store has no rule for some of the products', { productIds: missing });
    const at = deps.clock();
    const suggested = await suggestionsAt(tx, chainId, body.storeId, body.productIds, at);
    const lines = suggested.filter((s) => s.quantity > 0).map((s) => ({ productId: s.productId, quantity: s.quantity }));
    if (lines.length === 0) throw new AppError('CONFLICT', 'nothing is left to ask for: the products were asked for already, or have enough stock', { productIds: body.productIds });
    const requisition = await createRequisition({ ...deps, db: tx }, principal, {
      storeId: body.storeId, warehouseId: body.warehouseId, kind: 'request', lines, ...(body.note ? { note: body.note } : {}),
    });
    await tx.update(storeReplenishment).set({ lastAskedAt: at })
      .where(and(eq(storeReplenishment.chainId, chainId), eq(storeReplenishment.storeId, body.storeId), inArray(storeReplenishment.productId, lines.map((l) => l.productId))));
    return { requisition, skipped: body.productIds.filter((id) => !lines.some((l) => l.productId === id)) };
  });
}
