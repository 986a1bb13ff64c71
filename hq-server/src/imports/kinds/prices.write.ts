import type { PriceKind } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { query } from '../../db/query';
import { newId } from '../../ids';
import { chunksOf, jsonParam, type BulkContext } from './kind';
import { countOf, productIdBySku } from './products.write';

export interface PriceItem {
  sku: string;
  /** A store code, or null for the chain price. */
  store: string | null;
  kind: PriceKind;
  /** A member level code, member prices only. */
  level: string | null;
  amount: number;
}

const keyJoins = (chainId: string) => sql`${productIdBySku(chainId)}
  left join stores s on s.chain_id = ${chainId} and s.code = r.store
  left join member_levels l on l.chain_id = ${chainId} and l.code = r.level`;

const sameKey = sql`q.product_id = p.id and q.store_id is not distinct from s.id and q.kind = r.kind::price_kind and q.member_level_id is not distinct from l.id`;

/**
 * A new price from now for each item whose amount differs from the price in force for its
 * product, store, kind and level; the prices before stay on record, so older sales re-price
 * as they were. An entry that starts at this very instant is corrected instead.
 */
export async function writePrices(tx: Db, ctx: BulkContext, items: PriceItem[]): Promise<number> {
  let written = 0;
  // Entries starting at this very instant exist only when imports follow each other within a millisecond.
  const [startsNow] = await query<{ any: boolean }>(tx, sql`select exists (select 1 from prices where chain_id = ${ctx.chainId} and effective_from = ${ctx.now.toISOString()}) as any`);
  for (const chunk of chunksOf(items.map((i) => ({ ...i, id: newId(ctx.clock) })))) {
    const records = sql`json_to_recordset(${jsonParam(chunk)}) as r(id uuid, sku text, store text, kind text, level text, amount bigint)`;
    if (startsNow?.any) await tx.execute(sql`update prices q set amount_minor = r.amount from ${records} ${keyJoins(ctx.chainId)}
      where q.chain_id = ${ctx.chainId} and ${sameKey} and q.active and q.effective_from = ${ctx.now.toISOString()} and q.amount_minor <> r.amount`);
    written += await countOf(tx, sql`insert into prices (chain_id, id, product_id, store_id, kind, member_level_id, amount_minor, effective_from, active)
      select ${ctx.chainId}, r.id, p.id, s.id, r.kind::price_kind, l.id, r.amount, ${ctx.now.toISOString()}, true from ${records} ${keyJoins(ctx.chainId)}
      where (select q.amount_minor from prices q where q.chain_id = ${ctx.chainId} and ${sameKey} and q.active
        and (q.effective_from is null or q.effective_from <= ${ctx.now.toISOString()}) order by q.effective_from desc nulls last limit 1) is distinct from r.amount
      returning 1`);
  }
  return written;
}
