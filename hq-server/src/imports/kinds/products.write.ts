import { sql, type SQL } from 'drizzle-orm';
import { pinyinKeys } from '../../catalog/pinyin';
import type { Db } from '../../db/client';
import { query } from '../../db/query';
import { newId } from '../../ids';
import { chunksOf, jsonParam, type BulkContext, type Written } from './kind';
import type { ProductRow } from './products.import';
import { writePrices } from './prices.write';

/** Product columns a file may leave out; an absent one keeps its value on update. */
const updatable: Record<string, string[]> = {
  name_zh: ['name_zh', 'pinyin', 'pinyin_initials'], name_en: ['name_en'], category: ['category_id'], brand: ['brand_id'], supplier: ['supplier_id'],
  unit: ['unit'], weighed: ['weighed'], scale_code: ['scale_item_code'], status: ['status', 'discontinued_from'],
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`attribute_${n}`, [`attribute_${n}`]])),
};

const setOf = (column: string) =>
  column === 'discontinued_from' ? `discontinued_from = case when excluded.status = 'discontinued' then products.discontinued_from end` : `${column} = excluded.${column}`;

async function upsertProducts(tx: Db, ctx: BulkContext, rows: ProductRow[], present: ReadonlySet<string>): Promise<{ created: number; updated: number }> {
  const columns = Object.entries(updatable).filter(([key]) => present.has(key)).flatMap(([, cols]) => cols);
  const compared = columns.filter((c) => c !== 'discontinued_from');
  const onConflict = sql.raw(`on conflict (chain_id, sku) do update set ${columns.map(setOf).join(', ')}, updated_at = excluded.updated_at
    where (${compared.map((c) => `products.${c}`).join(', ')}) is distinct from (${compared.map((c) => `excluded.${c}`).join(', ')})`);
  let created = 0;
  let updated = 0;
  for (const chunk of chunksOf(rows)) {
    const records = chunk.map((r) => {
      const keys = pinyinKeys(r.name_zh);
      return {
        id: newId(ctx.clock), sku: r.sku, name_zh: r.name_zh, name_en: r.name_en ?? r.name_zh, category: r.category ?? null, brand: r.brand ?? null,
        supplier: r.supplier ?? null, unit: r.unit ?? 'piece', weighed: r.weighed ?? false, scale_code: r.scale_code ?? null, status: r.status ?? 'normal',
        pinyin: keys.pinyin, initials: keys.initials, a1: r.attribute_1 ?? null, a2: r.attribute_2 ?? null, a3: r.attribute_3 ?? null,
        a4: r.attribute_4 ?? null, a5: r.attribute_5 ?? null, a6: r.attribute_6 ?? null,
      };
    });
    const result = await query<{ inserted: boolean }>(tx, sql`
      insert into products (chain_id, id, sku, name_zh, name_en, category_id, brand_id, supplier_id, unit, weighed, scale_item_code, status,
        pinyin, pinyin_initials, attribute_1, attribute_2, attribute_3, attribute_4, attribute_5, attribute_6, updated_at)
      select ${ctx.chainId}, r.id, r.sku, r.name_zh, r.name_en, c.id, b.id, s.id, r.unit::product_unit, r.weighed, r.scale_code, r.status::product_status,
        r.pinyin, r.initials, r.a1, r.a2, r.a3, r.a4, r.a5, r.a6, ${ctx.now.toISOString()}
      from json_to_recordset(${jsonParam(records)}) as r(id uuid, sku text, name_zh text, name_en text, category text, brand text, supplier text,
        unit text, weighed boolean, scale_code text, status text, pinyin text, initials text, a1 text, a2 text, a3 text, a4 text, a5 text, a6 text)
      left join categories c on c.chain_id = ${ctx.chainId} and c.code = r.category
      left join brands b on b.chain_id = ${ctx.chainId} and b.code = r.brand
      left join suppliers s on s.chain_id = ${ctx.chainId} and s.code = r.supplier
      ${onConflict}
      returning (xmax = 0) as inserted`);
    for (const r of result) r.inserted ? created++ : updated++;
  }
  return { created, updated };
}

export const productIdBySku = (chainId: string) => sql`join products p on p.chain_id = ${chainId} and p.sku = r.sku`;

export async function countOf(tx: Db, statement: SQL): Promise<number> {
  return (await query<unknown>(tx, statement)).length;
}

/** The barcodes a row lists become that product's (added or moved back to it); barcodes it does not list stay as they are. */
async function upsertBarcodes(tx: Db, ctx: BulkContext, rows: ProductRow[]): Promise<number> {
  let written = 0;
  for (const chunk of chunksOf(rows.flatMap((r) => (r.barcodes ?? []).map((code) => ({ code, sku: r.sku }))))) {
    written += await countOf(tx, sql`insert into barcodes (chain_id, code, product_id, active)
      select ${ctx.chainId}, r.code, p.id, true from json_to_recordset(${jsonParam(chunk)}) as r(code text, sku text) ${productIdBySku(ctx.chainId)}
      on conflict (chain_id, code) do update set product_id = excluded.product_id, active = true
      where barcodes.product_id is distinct from excluded.product_id or not barcodes.active
      returning 1`);
  }
  return written;
}

/** A new cost from now, from the product's main supplier, for each row whose cost differs from the one in force. */
async function writeCosts(tx: Db, ctx: BulkContext, rows: ProductRow[]): Promise<number> {
  let written = 0;
  const items = rows.flatMap((r) => (r.cost === undefined ? [] : [{ id: newId(ctx.clock), sku: r.sku, amount: r.cost }]));
  for (const chunk of chunksOf(items)) {
    written += await countOf(tx, sql`insert into product_costs (chain_id, id, product_id, supplier_id, amount_minor, effective_from, entered_by, entered_at)
      select ${ctx.chainId}, r.id, p.id, p.supplier_id, r.amount, ${ctx.now.toISOString()}, ${ctx.principal.userId}, ${ctx.now.toISOString()}
      from json_to_recordset(${jsonParam(chunk)}) as r(id uuid, sku text, amount bigint) ${productIdBySku(ctx.chainId)}
      where (select k.amount_minor from product_costs k where k.chain_id = ${ctx.chainId} and k.product_id = p.id and k.effective_from <= ${ctx.now.toISOString()}
        order by k.effective_from desc limit 1) is distinct from r.amount
      returning 1`);
  }
  return written;
}

export async function writeProducts(tx: Db, ctx: BulkContext, rows: ProductRow[], present: ReadonlySet<string>): Promise<Written> {
  const { created, updated } = await upsertProducts(tx, ctx, rows, present);
  const barcodes = await upsertBarcodes(tx, ctx, rows);
  const prices = await writePrices(tx, ctx, rows.flatMap((r) => (r.retail_price === undefined ? [] : [{ sku: r.sku, store: null, kind: 'retail' as const, level: null, amount: r.retail_price }])));
  const costs = await writeCosts(tx, ctx, rows);
  return { created, updated, written: { products: created + updated, barcodes, prices, product_costs: costs } };
}
