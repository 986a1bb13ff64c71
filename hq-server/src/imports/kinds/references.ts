import { sql } from 'drizzle-orm';
import { query } from '../../db/query';
import { jsonParam, type BulkContext } from './kind';

type CodedTable = 'categories' | 'brands' | 'suppliers' | 'stores' | 'member_levels';

/** Every code of one of the chain's small coded lists. */
export async function codesOf(ctx: BulkContext, table: CodedTable): Promise<Set<string>> {
  return new Set((await query<{ code: string }>(ctx.db, sql`select code from ${sql.identifier(table)} where chain_id = ${ctx.chainId}`)).map((r) => r.code));
}

/** The natural keys of the file that the chain already has, in a large table (products by SKU, members by card…). */
export async function existingKeys(ctx: BulkContext, table: 'products' | 'suppliers' | 'clerks' | 'member_cards', column: string, keys: string[]): Promise<Set<string>> {
  const rows = await query<{ key: string }>(ctx.db, sql`select ${sql.identifier(column)} as key from ${sql.identifier(table)}
    where chain_id = ${ctx.chainId} and ${sql.identifier(column)} in (select json_array_elements_text(${jsonParam(keys)}))`);
  return new Set(rows.map((r) => r.key));
}
