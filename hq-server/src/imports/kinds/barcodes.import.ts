import type { ImportIssue } from '@pos/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query } from '../../db/query';
import { barcode, code, yesNo } from '../cells';
import { duplicates, unknownReference, type ParsedRow } from '../rows';
import { chunksOf, jsonParam, type BulkContext, type Checked, type ImportKindDef } from './kind';
import { countOf, productIdBySku } from './products.write';
import { existingKeys } from './references';

export const BarcodeRow = z.object({ barcode: barcode(), sku: code(), active: yesNo().optional() });
export type BarcodeRow = z.infer<typeof BarcodeRow>;

async function checkBarcodes(ctx: BulkContext, rows: ParsedRow<BarcodeRow>[]): Promise<Checked> {
  const skus = await existingKeys(ctx, 'products', 'sku', rows.map((r) => r.data.sku));
  const holders = new Map((await query<{ code: string; sku: string; active: boolean }>(ctx.db, sql`select b.code, p.sku, b.active from barcodes b
    join products p on p.chain_id = b.chain_id and p.id = b.product_id
    where b.chain_id = ${ctx.chainId} and b.code in (select json_array_elements_text(${jsonParam(rows.map((r) => r.data.barcode))}))`)).map((h) => [h.code, h]));
  const issues: ImportIssue[] = duplicates(rows, 'barcode', (d) => [d.barcode]);
  for (const { row, data } of rows) {
    if (!skus.has(data.sku)) issues.push(unknownReference(row, 'sku', data.sku));
    const holder = holders.get(data.barcode);
    if (holder && holder.active && holder.sku !== data.sku) issues.push({ row, column: 'barcode', code: 'TAKEN', value: data.barcode, holder: holder.sku, message: `${data.barcode} belongs to product ${holder.sku}` });
  }
  return { issues, existing: holders.size };
}

async function writeBarcodes(tx: Parameters<ImportKindDef<BarcodeRow>['write']>[0], ctx: BulkContext, rows: BarcodeRow[]) {
  let written = 0;
  for (const chunk of chunksOf(rows.map((r) => ({ code: r.barcode, sku: r.sku, active: r.active ?? true })))) {
    written += await countOf(tx, sql`insert into barcodes (chain_id, code, product_id, active)
      select ${ctx.chainId}, r.code, p.id, r.active from json_to_recordset(${jsonParam(chunk)}) as r(code text, sku text, active boolean) ${productIdBySku(ctx.chainId)}
      on conflict (chain_id, code) do update set product_id = excluded.product_id, active = excluded.active
      where (barcodes.product_id, barcodes.active) is distinct from (excluded.product_id, excluded.active)
      returning 1`);
  }
  return written;
}

export const barcodesImport: ImportKindDef<BarcodeRow> = {
  schema: BarcodeRow,
  maxRows: 200_000,
  check: checkBarcodes,
  write: async (tx, ctx, rows) => {
    const written = await writeBarcodes(tx, ctx, rows);
    return { created: written, updated: 0, written: { barcodes: written } };
  },
};
