import type { PeriodStoreSpan } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';

/** A PostgreSQL array literal of plain values (ids, days), for `unnest(…::uuid[], …::date[])`. */
const arrayOf = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * Net sales (goods sold less goods taken back, after discounts) of each store over each span, from
 * the store-day roll-up: one statement for every span of every period asked.
 */
export async function netSalesOfSpans(db: Db, chainId: string, spans: readonly PeriodStoreSpan[]): Promise<(PeriodStoreSpan & { netSalesMinor: number })[]> {
  if (spans.length === 0) return [];
  const rows = await query<{ store_id: string; from_date: string; to_date: string; period_from: string; net_sales: string }>(db, sql`
    select p.store_id, p.from_date::text, p.to_date::text, p.period_from::text, coalesce(sum(d.sales_minor), 0)::text as net_sales
    from unnest(${arrayOf(spans.map((s) => s.storeId))}::uuid[], ${arrayOf(spans.map((s) => s.from))}::date[],
                ${arrayOf(spans.map((s) => s.to))}::date[], ${arrayOf(spans.map((s) => s.periodFrom))}::date[]) as p(store_id, from_date, to_date, period_from)
    left join store_day_sales d on d.chain_id = ${chainId} and d.store_id = p.store_id and d.business_date between p.from_date and p.to_date
    group by p.store_id, p.from_date, p.to_date, p.period_from`);
  return rows.map((r) => ({ storeId: r.store_id, from: r.from_date, to: r.to_date, periodFrom: r.period_from, netSalesMinor: Number(r.net_sales) }));
}
