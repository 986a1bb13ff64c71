import { creditedShares, minor, splitByShares, type Sale } from '@pos/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/query';
import type { Deps } from '../http/app-env';
import { isUuid, newId } from '../ids';
import type { SaleDiscrepancy, VoucherRedemption } from './reprice-sales';
import { costInForce, levelValueOnConflict } from '../stock/stock-value';
import { sales } from './sales.tables';

export interface SaleToWrite {
  sale: Sale;
  businessDate: string;
  /** Where HQ's pricing differs from the till's; written only if the sale is new. */
  discrepancies?: SaleDiscrepancy[];
  /** The voucher codes the sale spent; a code another sale spent first stays that sale's. */
  redemptions?: VoucherRedemption[];
}

/** The member the till priced the sale for (会员消费跟踪), when it names one by id. */
function memberOf(sale: Sale): string | null {
  const id = sale.pricing?.member?.id;
  return id !== undefined && isUuid(id) ? id : null;
}

function payload(chainId: string, batch: SaleToWrite[], receivedAt: Date, id: () => string) {
  const headers = batch.map(({ sale, businessDate }) => ({
    chain_id: chainId, id: sale.id, store_id: sale.storeId, device_id: sale.deviceId, cashier_id: sale.cashierId, receipt_no: sale.receiptNo,
    business_date: businessDate, currency: sale.currency, started_at: sale.startedAt, completed_at: sale.completedAt,
    subtotal_minor: sale.subtotalMinor, discount_minor: sale.discountMinor, total_minor: sale.totalMinor, rounding_minor: sale.roundingMinor,
    change_minor: sale.changeMinor,
    item_count: sale.lines.reduce((n, l) => n + l.quantity, 0), received_at: receivedAt.toISOString(), shift_id: sale.shiftId ?? null,
    member_id: memberOf(sale),
  }));
  const lines = batch.flatMap(({ sale, businessDate }) => sale.lines.map((l) => ({
    id: l.id, sale_id: sale.id, store_id: sale.storeId, business_date: businessDate, line_no: l.lineNo, product_id: l.productId, barcode: l.barcode,
    name_zh: l.nameZh, name_en: l.nameEn, quantity: l.quantity, unit_price_minor: l.unitPriceMinor, gross_minor: l.grossMinor,
    discount_minor: l.discountMinor, net_minor: l.netMinor, clerk_id: l.clerkId, gift_rule_id: l.giftRuleId ?? null,
  })));
  const lineClerks = batch.flatMap(({ sale }) => sale.lines.flatMap((l) => creditedShares(l).map((c) => ({
    sale_id: sale.id, line_id: l.id, clerk_id: c.clerkId, share_bp: c.shareBp,
  }))));
  // Each line's net, discount and units split over its clerks, so the clerk roll-up's parts add up to the lines.
  const clerkParts = batch.flatMap(({ sale }) => sale.lines.flatMap((l) => {
    const shares = creditedShares(l);
    if (shares.length === 0) return [{ sale_id: sale.id, key: 'none', sales: l.netMinor, discount: l.discountMinor, items: l.quantity }];
    const [sales, discounts, items] = [l.netMinor, l.discountMinor, minor(l.quantity)].map((amount) => splitByShares(amount, shares));
    return shares.map((c, i) => ({ sale_id: sale.id, key: c.clerkId, sales: sales![i]!.amountMinor, discount: discounts![i]!.amountMinor, items: items![i]!.amountMinor }));
  }));
  // What each promotion gave on each line: a gift line is its rule's gift, any other line's adjustments are their rules' discounts.
  const ruleParts = batch.flatMap(({ sale }) => sale.lines.flatMap((l) => (l.giftRuleId
    ? [{ sale_id: sale.id, rule_id: l.giftRuleId, product_id: l.productId, discount: 0, gift_units: l.quantity }]
    : (l.adjustments ?? []).filter((a) => a.amountMinor !== 0).map((a) => ({ sale_id: sale.id, rule_id: a.ruleId, product_id: l.productId, discount: a.amountMinor, gift_units: 0 })))));
  const payments = batch.flatMap(({ sale }) => sale.payments.map((p) => ({
    id: p.id, sale_id: sale.id, tender: p.tender, amount_minor: p.amountMinor, tendered_minor: p.tenderedMinor, reference: p.reference,
  })));
  const discrepancies = batch.flatMap(({ sale, discrepancies: found = [] }) => found.map((d) => ({
    id: id(), sale_id: sale.id, store_id: sale.storeId, line_id: d.lineId, till_minor: d.tillMinor, hq_minor: d.hqMinor,
    difference_minor: d.tillMinor - d.hqMinor, detail: d.detail, created_at: receivedAt.toISOString(),
  })));
  const redemptions = batch.flatMap(({ sale, redemptions: spent = [] }, ord) => spent.map((v) => ({
    ord, code: v.code, sale_id: sale.id, store_id: sale.storeId, rule_id: v.ruleId, amount_minor: v.amountMinor, redeemed_at: sale.completedAt,
  })));
  const approvals = batch.flatMap(({ sale }) => sale.approvals.map((a) => ({
    id: a.id, sale_id: sale.id, store_id: sale.storeId, key: a.key, line_id: a.lineId, requested_by: a.requestedBy, approved_by: a.approvedBy, at: a.at,
  })));
  return {
    headers: JSON.stringify(headers), approvals: JSON.stringify(approvals), lines: JSON.stringify(lines), lineClerks: JSON.stringify(lineClerks),
    payments: JSON.stringify(payments), clerkParts: JSON.stringify(clerkParts), ruleParts: JSON.stringify(ruleParts),
    discrepancies: JSON.stringify(discrepancies), redemptions: JSON.stringify(redemptions),
  };
}

/**
 * Writes a batch of sales in one statement, so one round trip and one transaction: the
 * headers go in with ON CONFLICT DO NOTHING, and lines with the clerks they are credited to
 * (and as commission reads them), payments, stock movements, stock levels, roll-ups, voucher redemptions, manager approvals and
 * pricing discrepancies are written only for the headers actually inserted. A sale seen before
 * changes nothing. Each stock movement takes the id of the sale line it comes from, so the
 * ledger can be traced back line by line. Returns the ids that were new.
 *
 * Every insert that can meet another batch's rows takes them in key order (sales, lines,
 * payments and movements by id, lines' clerks by line and clerk, voucher codes by code, stock
 * levels and roll-ups by their keys), so two batches holding the same sales in different orders wait for each other
 * instead of deadlocking.
 */
export async function writeSales({ db, clock }: Deps, chainId: string, batch: SaleToWrite[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const { headers, lines, lineClerks, payments, clerkParts, ruleParts, discrepancies, redemptions, approvals } = payload(chainId, batch, clock(), () => newId(clock));
  const rows = await preparedQuery<{ id: string }>(db, sql`
    with new_sales as (
      insert into sales (chain_id, id, store_id, device_id, cashier_id, receipt_no, business_date, currency, started_at, completed_at,
                         subtotal_minor, discount_minor, total_minor, rounding_minor, change_minor, item_count, received_at, shift_id, member_id)
      select * from jsonb_to_recordset(${headers}::jsonb) as h(chain_id uuid, id uuid, store_id uuid, device_id uuid, cashier_id uuid,
        receipt_no text, business_date date, currency text, started_at timestamptz, completed_at timestamptz, subtotal_minor bigint,
        discount_minor bigint, total_minor bigint, rounding_minor bigint, change_minor bigint, item_count int, received_at timestamptz, shift_id uuid, member_id uuid)
      order by id
      on conflict do nothing
      returning id, store_id, business_date, total_minor, discount_minor, rounding_minor, item_count, completed_at, received_at, member_id
    ),
    new_lines as (
      select l.* from jsonb_to_recordset(${lines}::jsonb) as l(id uuid, sale_id uuid, store_id uuid, business_date date, line_no int,
        product_id uuid, barcode text, name_zh text, name_en text, quantity int, unit_price_minor bigint, gross_minor bigint,
        discount_minor bigint, net_minor bigint, clerk_id uuid, gift_rule_id text)
      where l.sale_id in (select id from new_sales)
    ),
    costed_lines as (
      -- Each line at its product's cost in force when the sale was completed (null: no cost on record).
      select l.*, l.quantity * ${costInForce(chainId, sql`l.product_id`, sql`s.completed_at`)} as cost_minor
      from new_lines l join new_sales s on s.id = l.sale_id
    ),
    lines_written as (
      insert into sale_lines (chain_id, id, sale_id, line_no, product_id, barcode, name_zh, name_en, quantity, unit_price_minor,
                              gross_minor, discount_minor, net_minor, clerk_id, gift_rule_id)
      select ${chainId}::uuid, id, sale_id, line_no, product_id, barcode, name_zh, name_en, quantity, unit_price_minor,
             gross_minor, discount_minor, net_minor, clerk_id, gift_rule_id from new_lines order by id
    ),
    line_clerks_written as (
      insert into sale_line_clerks (chain_id, sale_id, line_id, clerk_id, share_bp)
      select ${chainId}::uuid, c.sale_id, c.line_id, c.clerk_id, c.share_bp
      from jsonb_to_recordset(${lineClerks}::jsonb) as c(sale_id uuid, line_id uuid, clerk_id uuid, share_bp int)
      where c.sale_id in (select id from new_sales) order by c.line_id, c.clerk_id
    ),
    commission_lines_written as (
      insert into commission_lines (chain_id, store_id, business_date, line_id, sale_id, line_no, completed_at, received_at, product_id, quantity,
                                    net_minor, discounted, gift, member_id, clerk_ids, share_bps)
      select ${chainId}::uuid, s.store_id, s.business_date, l.id, l.sale_id, l.line_no, s.completed_at, s.received_at, l.product_id, l.quantity,
             l.net_minor, l.discount_minor > 0, l.gift_rule_id is not null, s.member_id, coalesce(c.clerk_ids, '{}'), coalesce(c.share_bps, '{}')
      from new_lines l join new_sales s on s.id = l.sale_id
      left join (
        select line_id, array_agg(clerk_id order by share_bp desc, clerk_id) as clerk_ids, array_agg(share_bp order by share_bp desc, clerk_id) as share_bps
        from jsonb_to_recordset(${lineClerks}::jsonb) as c(line_id uuid, clerk_id uuid, share_bp int) group by line_id
      ) c on c.line_id = l.id
      order by l.id
    ),
    payments_written as (
      insert into sale_payments (chain_id, id, sale_id, tender, amount_minor, tendered_minor, reference)
      select ${chainId}::uuid, p.id, p.sale_id, p.tender::tender, p.amount_minor, p.tendered_minor, p.reference
      from jsonb_to_recordset(${payments}::jsonb) as p(id uuid, sale_id uuid, tender text, amount_minor bigint, tendered_minor bigint, reference text)
      where p.sale_id in (select id from new_sales) order by p.id
    ),
    movements_written as (
      insert into stock_movements (chain_id, id, store_id, product_id, delta, reason, document_id, created_at)
      select ${chainId}::uuid, l.id, l.store_id, l.product_id, -l.quantity, 'sale', l.sale_id, s.received_at
      from new_lines l join new_sales s on s.id = l.sale_id order by l.id
    ),
    levels_written as (
      -- Ordered so that concurrent batches take row locks in the same order and cannot deadlock.
      -- Goods sold leave at the store's moving-average cost (a new level, below zero, is worth nothing).
      insert into stock_levels (chain_id, store_id, product_id, quantity, value_minor, updated_at)
      select ${chainId}::uuid, store_id, product_id, -sum(quantity), 0, max(s.received_at)
      from new_lines join (select id as sale_id, received_at from new_sales) s using (sale_id)
      group by store_id, product_id order by store_id, product_id
      on conflict (chain_id, store_id, product_id) do update
        set quantity = stock_levels.quantity + excluded.quantity, value_minor = ${levelValueOnConflict(false)}, updated_at = excluded.updated_at
    ),
    days_written as (
      insert into store_day_sales (chain_id, store_id, business_date, sales_minor, discount_minor, rounding_minor, tickets, items,
                                   cost_minor, uncosted_minor, margin_minor)
      select ${chainId}::uuid, t.store_id, t.business_date, t.sales_minor, t.discount_minor, t.rounding_minor, t.tickets, t.items,
             coalesce(g.cost_minor, 0), coalesce(g.uncosted_minor, 0), coalesce(g.margin_minor, 0)
      from (select store_id, business_date, sum(total_minor) as sales_minor, sum(discount_minor) as discount_minor, sum(rounding_minor) as rounding_minor,
                   count(*) as tickets, sum(item_count) as items
            from new_sales group by store_id, business_date) t
      left join (select store_id, business_date, sum(cost_minor) as cost_minor, sum(net_minor) filter (where cost_minor is null) as uncosted_minor,
                        sum(net_minor - cost_minor) filter (where cost_minor is not null) as margin_minor
                 from costed_lines group by store_id, business_date) g using (store_id, business_date)
      order by t.store_id, t.business_date
      on conflict (chain_id, store_id, business_date) do update set
        sales_minor = store_day_sales.sales_minor + excluded.sales_minor,
        discount_minor = store_day_sales.discount_minor + excluded.discount_minor,
        rounding_minor = store_day_sales.rounding_minor + excluded.rounding_minor,
        tickets = store_day_sales.tickets + excluded.tickets,
        items = store_day_sales.items + excluded.items,
        cost_minor = store_day_sales.cost_minor + excluded.cost_minor,
        uncosted_minor = store_day_sales.uncosted_minor + excluded.uncosted_minor,
        margin_minor = store_day_sales.margin_minor + excluded.margin_minor
    ),
    breakdowns_written as (
      insert into sales_breakdowns (chain_id, kind, business_date, store_id, key, sales_minor, discount_minor, tickets, items)
      select ${chainId}::uuid, b.kind::sales_breakdown_kind, b.business_date, b.store_id, b.key, sum(b.sales_minor), sum(b.discount_minor),
             count(distinct b.sale_id), sum(b.items)
      from (
        select 'hour' as kind, s.business_date, s.store_id, to_char(s.completed_at at time zone st.time_zone, 'HH24') as key, s.id as sale_id,
               s.total_minor as sales_minor, s.discount_minor, s.item_count::bigint as items
        from new_sales s join stores st on st.chain_id = ${chainId}::uuid and st.id = s.store_id
        union all
        select 'member_level', s.business_date, s.store_id, coalesce(m.level_id::text, 'none'), s.id, s.total_minor, s.discount_minor, s.item_count
        from new_sales s left join members m on m.chain_id = ${chainId}::uuid and m.id = s.member_id
        union all
        select 'tender', s.business_date, s.store_id, p.tender, s.id, p.amount_minor, 0, 0
        from jsonb_to_recordset(${payments}::jsonb) as p(sale_id uuid, tender text, amount_minor bigint) join new_sales s on s.id = p.sale_id
        union all
        select 'clerk', s.business_date, s.store_id, c.key, s.id, c.sales, c.discount, c.items
        from jsonb_to_recordset(${clerkParts}::jsonb) as c(sale_id uuid, key text, sales bigint, discount bigint, items bigint) join new_sales s on s.id = c.sale_id
      ) b
      group by b.kind, b.business_date, b.store_id, b.key order by b.kind, b.business_date, b.store_id, b.key
      on conflict (chain_id, kind, business_date, store_id, key) do update set
        sales_minor = sales_breakdowns.sales_minor + excluded.sales_minor,
        discount_minor = sales_breakdowns.discount_minor + excluded.discount_minor,
        tickets = sales_breakdowns.tickets + excluded.tickets,
        items = sales_breakdowns.items + excluded.items
    ),
    promotions_written as (
      insert into promotion_day_sales (chain_id, rule_id, business_date, store_id, product_id, discount_minor, gift_units, gift_cost_minor)
      select ${chainId}::uuid, r.rule_id, s.business_date, s.store_id, r.product_id, sum(r.discount), sum(r.gift_units),
             coalesce(sum(r.gift_units * ${costInForce(chainId, sql`r.product_id`, sql`s.completed_at`)}) filter (where r.gift_units > 0), 0)
      from jsonb_to_recordset(${ruleParts}::jsonb) as r(sale_id uuid, rule_id text, product_id uuid, discount bigint, gift_units bigint)
      join new_sales s on s.id = r.sale_id
      group by r.rule_id, s.business_date, s.store_id, r.product_id order by r.rule_id, s.business_date, s.store_id, r.product_id
      on conflict (chain_id, rule_id, business_date, store_id, product_id) do update set
        discount_minor = promotion_day_sales.discount_minor + excluded.discount_minor,
        gift_units = promotion_day_sales.gift_units + excluded.gift_units,
        gift_cost_minor = promotion_day_sales.gift_cost_minor + excluded.gift_cost_minor
    ),
    discrepancies_written as (
      insert into pricing_discrepancies (chain_id, id, sale_id, store_id, line_id, till_minor, hq_minor, difference_minor, detail, created_at)
      select ${chainId}::uuid, d.id, d.sale_id, d.store_id, d.line_id, d.till_minor, d.hq_minor, d.difference_minor, d.detail, d.created_at
      from jsonb_to_recordset(${discrepancies}::jsonb) as d(id uuid, sale_id uuid, store_id uuid, line_id uuid, till_minor bigint, hq_minor bigint,
        difference_minor bigint, detail jsonb, created_at timestamptz)
      where d.sale_id in (select id from new_sales)
    ),
    redemptions_written as (
      insert into voucher_redemptions (chain_id, code, sale_id, store_id, rule_id, amount_minor, redeemed_at)
      select ${chainId}::uuid, v.code, v.sale_id, v.store_id, v.rule_id, v.amount_minor, v.redeemed_at
      from jsonb_to_recordset(${redemptions}::jsonb) as v(ord int, code text, sale_id uuid, store_id uuid, rule_id text, amount_minor bigint, redeemed_at timestamptz)
      -- A code two sales of the batch spent stays the earlier one's.
      where v.sale_id in (select id from new_sales) order by v.code, v.ord
      on conflict do nothing
    ),
    approvals_written as (
      insert into sale_approvals (chain_id, id, sale_id, store_id, key, line_id, requested_by, approved_by, at)
      select ${chainId}::uuid, a.id, a.sale_id, a.store_id, a.key, a.line_id, a.requested_by, a.approved_by, a.at
      from jsonb_to_recordset(${approvals}::jsonb) as a(id uuid, sale_id uuid, store_id uuid, key text, line_id uuid, requested_by uuid,
        approved_by uuid, at timestamptz)
      where a.sale_id in (select id from new_sales) order by a.id
    ),
    product_days_written as (
      insert into store_day_product_sales (chain_id, store_id, business_date, product_id, quantity, sales_minor, discount_minor, tickets,
                                           cost_minor, uncosted_minor)
      select ${chainId}::uuid, store_id, business_date, product_id, sum(quantity), sum(net_minor), sum(discount_minor), count(distinct sale_id),
             coalesce(sum(cost_minor), 0), coalesce(sum(net_minor) filter (where cost_minor is null), 0)
      from costed_lines group by store_id, business_date, product_id order by store_id, business_date, product_id
      on conflict (chain_id, store_id, business_date, product_id) do update set
        quantity = store_day_product_sales.quantity + excluded.quantity,
        sales_minor = store_day_product_sales.sales_minor + excluded.sales_minor,
        discount_minor = store_day_product_sales.discount_minor + excluded.discount_minor,
        tickets = store_day_product_sales.tickets + excluded.tickets,
        cost_minor = store_day_product_sales.cost_minor + excluded.cost_minor,
        uncosted_minor = store_day_product_sales.uncosted_minor + excluded.uncosted_minor
    )
    select id from new_sales`);
  return new Set(rows.map((r) => r.id));
}

/** Which store and till each of these sales came from, for the ones HQ holds. */
export async function ownersOf(db: Db, chainId: string, ids: string[]): Promise<Map<string, { storeId: string; deviceId: string }>> {
  const rows = await db.select({ id: sales.id, storeId: sales.storeId, deviceId: sales.deviceId }).from(sales)
    .where(and(eq(sales.chainId, chainId), inArray(sales.id, ids)));
  return new Map(rows.map(({ id, ...owner }) => [id, owner]));
}
