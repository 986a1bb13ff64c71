import type { ImportIssue } from '@pos/shared';
import { z } from 'zod';
import { amount, code, oneOf } from '../cells';
import { duplicates, unknownReference, type ParsedRow } from '../rows';
import type { BulkContext, Checked, ImportKindDef } from './kind';
import { writePrices } from './prices.write';
import { codesOf, existingKeys } from './references';

const kinds = { retail: 'retail', 零售价: 'retail', 零售: 'retail', member: 'member', 会员价: 'member', 会员: 'member', wholesale: 'wholesale', 批发价: 'wholesale', 批发: 'wholesale' } as const;

export const PriceRow = z.object({ sku: code(), store: code().optional(), kind: oneOf(kinds).optional(), level: code().optional(), price: amount() });
export type PriceRow = z.infer<typeof PriceRow>;

const keyOf = (d: PriceRow) => [d.sku, d.store ?? '', d.kind ?? 'retail', d.level ?? ''].join('|');

async function checkPrices(ctx: BulkContext, rows: ParsedRow<PriceRow>[]): Promise<Checked> {
  const [skus, stores, levels] = await Promise.all([existingKeys(ctx, 'products', 'sku', rows.map((r) => r.data.sku)), codesOf(ctx, 'stores'), codesOf(ctx, 'member_levels')]);
  const issues: ImportIssue[] = duplicates(rows, 'sku', (d) => [keyOf(d)]).map((i) => ({ ...i, value: i.value?.split('|')[0] }));
  for (const { row, data } of rows) {
    if (!skus.has(data.sku)) issues.push(unknownReference(row, 'sku', data.sku));
    if (data.store && !stores.has(data.store)) issues.push(unknownReference(row, 'store', data.store));
    if (data.level && !levels.has(data.level)) issues.push(unknownReference(row, 'level', data.level));
    if (data.level && data.kind !== 'member') issues.push({ row, column: 'level', code: 'INVALID', value: data.level, expected: 'member_only', message: 'only member prices name a level' });
  }
  return { issues, existing: 0 };
}

export const pricesImport: ImportKindDef<PriceRow> = {
  schema: PriceRow,
  maxRows: 200_000,
  check: checkPrices,
  write: async (tx, ctx, rows) => {
    const written = await writePrices(tx, ctx, rows.map((r) => ({ sku: r.sku, store: r.store ?? null, kind: r.kind ?? 'retail', level: r.level ?? null, amount: r.price })));
    return { created: written, updated: 0, written: { prices: written } };
  },
};
