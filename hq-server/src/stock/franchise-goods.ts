import type { GoodsDocument, PeriodStoreSpan } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';

const arrayOf = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * Goods that changed owner at each store over each span, by the business day they were received
 * (what arrived is what is billed): shipments from HQ's centre at their transfer price, and
 * transfers between stores of different owners, in (`transfer_in`) or out (`transfer_out`).
 * A shipment to a store HQ ran when it shipped carries no price and bills nothing.
 */
export async function goodsOfSpans(db: Db, chainId: string, spans: readonly PeriodStoreSpan[]): Promise<(GoodsDocument & { periodFrom: string })[]> {
  if (spans.length === 0) return [];
  const rows = await query<{ kind: GoodsDocument['kind']; id: string; no: string; store_id: string; other_store_id: string | null; day: string; period_from: string; value: string }>(db, sql`
    with p as (
      select p.store_id, p.from_date, p.to_date, p.period_from, st.time_zone
      from unnest(${arrayOf(spans.map((s) => s.storeId))}::uuid[], ${arrayOf(spans.map((s) => s.from))}::date[],
                  ${arrayOf(spans.map((s) => s.to))}::date[], ${arrayOf(spans.map((s) => s.periodFrom))}::date[]) as p(store_id, from_date, to_date, period_from)
      join stores st on st.chain_id = ${chainId} and st.id = p.store_id
    ),
    moved as (
      select 'shipment' as kind, s.id, s.no, p.store_id, null::uuid as other_store_id, (s.received_at at time zone p.time_zone)::date as day, p.from_date, p.to_date, p.period_from,
             (select sum(l.received::bigint * l.unit_price_minor) from shipment_lines l where l.chain_id = s.chain_id and l.shipment_id = s.id) as value
      from p join shipments s on s.chain_id = ${chainId} and s.store_id = p.store_id and s.status = 'received'
      union all
      select case when t.to_store_id = p.store_id then 'transfer_in' else 'transfer_out' end, t.id, t.no, p.store_id,
             case when t.to_store_id = p.store_id then t.from_store_id else t.to_store_id end, (t.received_at at time zone p.time_zone)::date, p.from_date, p.to_date, p.period_from,
             (select sum(l.received::bigint * l.unit_price_minor) from transfer_lines l where l.chain_id = t.chain_id and l.transfer_id = t.id)
      from p join transfers t on t.chain_id = ${chainId} and t.cross_owner and t.status = 'received' and p.store_id in (t.to_store_id, t.from_store_id)
    )
    select m.kind, m.id, m.no, m.store_id, m.other_store_id, m.day::text, m.period_from::text, m.value::text
    from moved m
    where m.day between m.from_date and m.to_date and m.value is not null`);
  return rows.map((r) => ({
    kind: r.kind, documentId: r.id, documentNo: r.no, storeId: r.store_id, otherStoreId: r.other_store_id, date: r.day, periodFrom: r.period_from, valueMinor: Number(r.value),
  }));
}
