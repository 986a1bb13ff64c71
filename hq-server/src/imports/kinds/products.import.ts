import type { ImportIssue } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query } from '../../db/query';
import { amount, barcodeList, code, digits, oneOf, text, yesNo } from '../cells';
import { duplicates, unknownReference, type ParsedRow } from '../rows';
import type { BulkContext, Checked, ImportKindDef } from './kind';
import { codesOf, existingKeys } from './references';
import { writeProducts } from './products.write';

const units = {
  piece: 'piece', 件: 'piece', 个: 'piece', kg: 'kg', 千克: 'kg', 公斤: 'kg', box: 'box', 盒: 'box', 箱: 'box',
  bottle: 'bottle', 瓶: 'bottle', pack: 'pack', 包: 'pack', 袋: 'pack',
} as const;
const statuses = { new: 'new', 新品: 'new', normal: 'normal', 正常: 'normal', discontinued: 'discontinued', 停售: 'discontinued' } as const;
const attribute = () => text(60).optional();

export const ProductRow = z.object({
  sku: code(),
  name_zh: text(120),
  name_en: text(120).optional(),
  category: code().optional(),
  brand: code().optional(),
  unit: oneOf(units).optional(),
  weighed: yesNo().optional(),
  scale_code: digits(1, 6).optional(),
  status: oneOf(statuses).optional(),
  barcodes: barcodeList().optional(),
  retail_price: amount().optional(),
  cost: amount().optional(),
  supplier: code().optional(),
  attribute_1: attribute(), attribute_2: attribute(), attribute_3: attribute(),
  attribute_4: attribute(), attribute_5: attribute(), attribute_6: attribute(),
});
export type ProductRow = z.infer<typeof ProductRow>;

/** Barcodes and scale codes of the file that another product (by SKU) already holds. */
async function heldElsewhere(ctx: BulkContext, rows: ParsedRow<ProductRow>[]): Promise<ImportIssue[]> {
  const barcodeRows = rows.flatMap(({ row, data }) => (data.barcodes ?? []).map((c) => ({ row, sku: data.sku, code: c })));
  const scaleRows = rows.flatMap(({ row, data }) => (data.scale_code ? [{ row, sku: data.sku, code: data.scale_code }] : []));
  const taken = async (column: string, items: typeof barcodeRows, statement: (codes: string) => ReturnType<typeof sql>) => {
    if (items.length === 0) return [];
    const holders = new Map((await query<{ code: string; sku: string }>(ctx.db, statement(JSON.stringify(items.map((i) => i.code))))).map((h) => [h.code, h.sku]));
    return items.flatMap(({ row, sku, code: value }) => {
      const holder = holders.get(value);
      return holder !== undefined && holder !== sku ? [{ row, column, code: 'TAKEN' as const, value, holder, message: `${value} belongs to product ${holder}` }] : [];
    });
  };
  return [
    ...(await taken('barcodes', barcodeRows, (codes) => sql`select b.code, p.sku from barcodes b join products p on p.chain_id = b.chain_id and p.id = b.product_id
      where b.chain_id = ${ctx.chainId} and b.active and b.code in (select json_array_elements_text(${codes}::json))`)),
    ...(await taken('scale_code', scaleRows, (codes) => sql`select scale_item_code as code, sku from products
      where chain_id = ${ctx.chainId} and scale_item_code in (select json_array_elements_text(${codes}::json))`)),
  ];
}

async function checkProducts(ctx: BulkContext, rows: ParsedRow<ProductRow>[]): Promise<Checked> {
  const [categories, brands, suppliers] = await Promise.all([codesOf(ctx, 'categories'), codesOf(ctx, 'brands'), codesOf(ctx, 'suppliers')]);
  const issues: ImportIssue[] = [
    ...duplicates(rows, 'sku', (d) => [d.sku]),
    ...duplicates(rows, 'barcodes', (d) => d.barcodes ?? []),
    ...duplicates(rows, 'scale_code', (d) => [d.scale_code]),
  ];
  for (const { row, data } of rows) {
    if (data.category && !categories.has(data.category)) issues.push(unknownReference(row, 'category', data.category));
    if (data.brand && !brands.has(data.brand)) issues.push(unknownReference(row, 'brand', data.brand));
    if (data.supplier && !suppliers.has(data.supplier)) issues.push(unknownReference(row, 'supplier', data.supplier));
  }
  issues.push(...(await heldElsewhere(ctx, rows)));
  return { issues, existing: (await existingKeys(ctx, 'products', 'sku', rows.map((r) => r.data.sku))).size };
}

export const productsImport: ImportKindDef<ProductRow> = { schema: ProductRow, maxRows: 200_000, check: checkProducts, write: writeProducts };
