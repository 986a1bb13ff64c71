import type { ImportKind } from '@pos/shared';
import { sql, type SQL } from 'drizzle-orm';
import { storesInScope } from '../http/scope';
import { visibleCategoryIds } from '../roles/visibility';
import type { BulkContext } from './kinds/kind';

/** A page of a kind's rows after a key: columns named by the kind's column keys, plus `key` to page on. */
export type PageQuery = (ctx: BulkContext, after: string, limit: number) => Promise<SQL>;

const currentRetail = (ctx: BulkContext) => sql`(select q.amount_minor from prices q where q.chain_id = p.chain_id and q.product_id = p.id
  and q.store_id is null and q.kind = 'retail' and q.member_level_id is null and q.active and (q.effective_from is null or q.effective_from <= ${ctx.now.toISOString()})
  order by q.effective_from desc nulls last limit 1)`;

const currentCost = (ctx: BulkContext) => sql`(select k.amount_minor from product_costs k where k.chain_id = p.chain_id and k.product_id = p.id
  and k.effective_from <= ${ctx.now.toISOString()} order by k.effective_from desc limit 1)`;

/** Products of the categories the caller's role sees (品类数据权限), as a condition on the products alias `p`. */
async function seenProducts(ctx: BulkContext): Promise<SQL> {
  const visible = await visibleCategoryIds(ctx.db, ctx.principal);
  return visible === null ? sql`true` : sql`p.category_id in (select json_array_elements_text(${JSON.stringify(visible)}::json)::uuid)`;
}

const products: PageQuery = async (ctx, after, limit) => sql`
  select p.sku as key, p.sku, p.name_zh, p.name_en, c.code as category, b.code as brand, p.unit, p.weighed, p.scale_item_code as scale_code, p.status,
    (select string_agg(bc.code, '|' order by bc.code) from barcodes bc where bc.chain_id = p.chain_id and bc.product_id = p.id and bc.active) as barcodes,
    ${currentRetail(ctx)} as retail_price, ${currentCost(ctx)} as cost, s.code as supplier,
    p.attribute_1, p.attribute_2, p.attribute_3, p.attribute_4, p.attribute_5, p.attribute_6
  from products p
  left join categories c on c.chain_id = p.chain_id and c.id = p.category_id
  left join brands b on b.chain_id = p.chain_id and b.id = p.brand_id
  left join suppliers s on s.chain_id = p.chain_id and s.id = p.supplier_id
  where p.chain_id = ${ctx.chainId} and p.active and ${await seenProducts(ctx)} and p.sku > ${after} order by p.sku limit ${limit}`;

const barcodes: PageQuery = async (ctx, after, limit) => sql`
  select b.code as key, b.code as barcode, p.sku, b.active from barcodes b join products p on p.chain_id = b.chain_id and p.id = b.product_id
  where b.chain_id = ${ctx.chainId} and ${await seenProducts(ctx)} and b.code > ${after} order by b.code limit ${limit}`;

/** The prices in force now, one per product, store, kind and level, paged by product. */
const prices: PageQuery = async (ctx, after, limit) => sql`
  with page as (select p.id, p.sku from products p where p.chain_id = ${ctx.chainId} and p.active and ${await seenProducts(ctx)} and p.sku > ${after} order by p.sku limit ${limit}),
  current as (
    select distinct on (q.product_id, q.store_id, q.kind, q.member_level_id) q.product_id, q.store_id, q.kind, q.member_level_id, q.amount_minor
    from prices q join page on page.id = q.product_id
    where q.chain_id = ${ctx.chainId} and q.active and (q.effective_from is null or q.effective_from <= ${ctx.now.toISOString()})
    order by q.product_id, q.store_id, q.kind, q.member_level_id, q.effective_from desc nulls last)
  select page.sku as key, page.sku, s.code as store, cur.kind, l.code as level, cur.amount_minor as price
  from page left join current cur on cur.product_id = page.id
  left join stores s on s.chain_id = ${ctx.chainId} and s.id = cur.store_id
  left join member_levels l on l.chain_id = ${ctx.chainId} and l.id = cur.member_level_id
  order by page.sku, s.code nulls first, cur.kind, l.code nulls first`;

const suppliers: PageQuery = async (ctx, after, limit) => sql`
  select code as key, code, name, contact_name, phone, email, address, settlement, active from suppliers
  where chain_id = ${ctx.chainId} and code > ${after} order by code limit ${limit}`;

/** HQ's every clerk; anyone else only the clerks of stores in their scope, never a PIN. */
const clerks: PageQuery = async (ctx, after, limit) => {
  const hq = ctx.principal.role === 'hq_admin';
  const storeIds = hq ? [] : (await storesInScope(ctx.db, ctx.principal)).map((s) => s.id);
  const scope = hq ? sql`true` : sql`c.store_id in (select json_array_elements_text(${JSON.stringify(storeIds)}::json)::uuid)`;
  return sql`select c.code as key, c.code, c.name, c.role, s.code as store, c.badge_code as badge, c.commission_grade, c.active
    from clerks c left join stores s on s.chain_id = c.chain_id and s.id = c.store_id
    where c.chain_id = ${ctx.chainId} and ${scope} and c.code > ${after} order by c.code limit ${limit}`;
};

/** One row per card but the replaced ones (an inactive member's cancelled card included), so a re-import finds each member by any of them. */
const members: PageQuery = async (ctx, after, limit) => sql`
  select c.card_no as key, c.card_no, m.name, m.phone, l.code as level, m.birthday, m.active
  from member_cards c
  join members m on m.chain_id = c.chain_id and m.id = c.member_id
  join member_levels l on l.chain_id = m.chain_id and l.id = m.level_id
  where c.chain_id = ${ctx.chainId} and c.status <> 'replaced' and m.merged_into_member_id is null and c.card_no > ${after}
  order by c.card_no limit ${limit}`;

export const exportQueries: Record<ImportKind, PageQuery> = { products, barcodes, prices, suppliers, clerks, members };

/** Columns holding money in minor units, written as major amounts. */
export const moneyColumns = new Set(['retail_price', 'cost', 'price']);
