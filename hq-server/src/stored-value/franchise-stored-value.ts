import type { StoreStoredValue } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';

const arrayOf = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * Stored value to settle between a franchisee and HQ (储值跨店结算), by store and period (a store's
 * business days), from what the ledger and the receivables already hold, never worked out another way:
 * - topped up: `top_up` entries (the member's money, not the bonus) the franchisee's stores took;
 * - spent: `spend` entries less `spend_reversal` and `refund` entries at their stores;
 * - paid out: the member's own money a cancelled card's `cancellation` entry refunded there;
 * - receivables paid: offline payments at their stores beyond the card's balance
 *   (`stored_value_receivables`, 应收储值) once the member has paid them off in full.
 * Each entry and receivable names the franchisee of its store when it was made, so stored value
 * follows that franchisee even if the store has changed hands since.
 */
export async function storedValueOfPeriods(
  db: Db, chainId: string, franchiseeId: string, storeIds: readonly string[], periods: readonly { from: string; to: string }[],
): Promise<(StoreStoredValue & { periodFrom: string })[]> {
  if (storeIds.length === 0 || periods.length === 0) return [];
  const rows = await query<{ period_from: string; store_id: string; topped_up: string; spent: string; paid_out: string; receivables_paid: string }>(db, sql`
    with p as (select * from unnest(${arrayOf(periods.map((p) => p.from))}::date[], ${arrayOf(periods.map((p) => p.to))}::date[]) as p(period_from, period_to)),
    entries as (
      select p.period_from, e.store_id,
             sum(case when e.kind = 'top_up' then e.amount_minor else 0 end) as topped_up,
             -sum(case when e.kind in ('spend', 'spend_reversal', 'refund') then e.amount_minor else 0 end) as spent,
             -sum(case when e.kind = 'cancellation' and e.reason like 'refund:%' then e.amount_minor - e.bonus_minor else 0 end) as paid_out,
             0 as receivables_paid
      from p
      join stored_value_entries e on e.chain_id = ${chainId} and e.store_id = any(${arrayOf(storeIds)}::uuid[]) and e.franchisee_id = ${franchiseeId}
        and e.created_at >= p.period_from::timestamptz - interval '1 day' and e.created_at < p.period_to::timestamptz + interval '2 days'
        and e.kind in ('top_up', 'spend', 'spend_reversal', 'refund', 'cancellation')
      join stores st on st.chain_id = e.chain_id and st.id = e.store_id
      where (e.created_at at time zone st.time_zone)::date between p.period_from and p.period_to
      group by p.period_from, e.store_id
    ),
    receivables as (
      select p.period_from, r.store_id, 0, 0, 0, sum(r.amount_minor)
      from p
      join stored_value_receivables r on r.chain_id = ${chainId} and r.franchisee_id = ${franchiseeId} and r.settled_at is not null
        and r.settled_at >= p.period_from::timestamptz - interval '1 day' and r.settled_at < p.period_to::timestamptz + interval '2 days'
      join stores st on st.chain_id = r.chain_id and st.id = r.store_id
      where (r.settled_at at time zone st.time_zone)::date between p.period_from and p.period_to
      group by p.period_from, r.store_id
    )
    select period_from::text, store_id, sum(topped_up)::text as topped_up, sum(spent)::text as spent, sum(paid_out)::text as paid_out, sum(receivables_paid)::text as receivables_paid
    from (select * from entries union all select * from receivables) as both_kinds
    group by period_from, store_id`);
  return rows.map((r) => ({
    periodFrom: r.period_from, storeId: r.store_id, toppedUpMinor: Number(r.topped_up), spentMinor: Number(r.spent),
    paidOutMinor: Number(r.paid_out), receivablesPaidMinor: Number(r.receivables_paid),
  }));
}
