import type { Return } from '@pos/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import type { Clock } from '../ids';
import { newId } from '../ids';
import { movePointsForReturn } from '../points/take-back-at-return';
import { sales } from '../sales/sales.tables';
import { costInForce, levelValueOnConflict, productCostAt } from '../stock/stock-value';
import { refundStoredValueAtReturn, type StoredValueShortfall } from '../stored-value/refund-at-return';
import type { OriginalSale } from './check-returns';
import { returnApprovals, returnDifferences, returnLines, returnRefunds, returns } from './returns.tables';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export interface ReturnToWrite {
  doc: Return;
  businessDate: string;
  original: OriginalSale | null;
}

/**
 * Writes one return in one transaction, exactly once: the header goes in with ON CONFLICT DO
 * NOTHING, and only a new header gets its lines, money, approvals, stock movements, roll-ups,
 * differences, the stored value refunded credited back to the card and the member's points taken
 * back or given back. The original sale's row is locked first (and the accounts after it), so
 * returns of one sale from two tills are judged one after the other. Answers whether the return
 * was new.
 */
export async function writeReturn(db: Db, clock: Clock, chainId: string, { doc, businessDate, original }: ReturnToWrite): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (original) await tx.select({ id: sales.id }).from(sales).where(and(eq(sales.chainId, chainId), eq(sales.id, original.id))).for('update');
    const receivedAt = clock();
    const back = sum(doc.lines.map((l) => l.refundMinor));
    const out = sum(doc.outLines.map((l) => l.netMinor));
    const inserted = await tx.insert(returns).values({
      chainId, id: doc.id, storeId: doc.storeId, deviceId: doc.deviceId, cashierId: doc.cashierId, shiftId: doc.shiftId ?? null, returnNo: doc.returnNo, businessDate,
      currency: doc.currency, completedAt: new Date(doc.completedAt), originalSaleId: doc.original?.saleId ?? null, originalStoreId: original?.storeId ?? null, originalReceiptNo: doc.original?.receiptNo ?? null,
      reason: doc.reason, backMinor: back, clawbackMinor: doc.clawbackMinor, outMinor: out, creditMinor: doc.creditMinor,
      refundedMinor: sum(doc.refunds.map((r) => r.amountMinor)), paidMinor: sum(doc.payments.map((p) => p.amountMinor)), roundingMinor: doc.roundingMinor, receivedAt,
    }).onConflictDoNothing().returning({ id: returns.id });
    if (inserted.length === 0) return false;
    await tx.insert(returnLines).values([
      ...doc.lines.map((l) => ({ chainId, id: l.id, returnId: doc.id, direction: 'back' as const, saleLineId: l.saleLineId, productId: l.productId, barcode: l.barcode, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.quantity, amountMinor: l.refundMinor })),
      ...doc.outLines.map((l) => ({ chainId, id: l.id, returnId: doc.id, direction: 'out' as const, saleLineId: null, productId: l.productId, barcode: l.barcode, nameZh: l.nameZh, nameEn: l.nameEn, quantity: l.quantity, amountMinor: l.netMinor })),
    ]);
    const money = [
      ...doc.refunds.map((r) => ({ chainId, id: r.id, returnId: doc.id, direction: 'refund' as const, tender: r.tender, amountMinor: r.amountMinor, salePaymentId: r.salePaymentId, reference: r.reference })),
      ...doc.payments.map((p) => ({ chainId, id: p.id, returnId: doc.id, direction: 'payment' as const, tender: p.tender, amountMinor: p.amountMinor, salePaymentId: null, reference: p.reference })),
    ];
    if (money.length) await tx.insert(returnRefunds).values(money);
    if (doc.approvals.length) {
      await tx.insert(returnApprovals).values(doc.approvals.map((a) => ({ chainId, id: a.id, returnId: doc.id, storeId: doc.storeId, key: a.key, lineId: a.lineId, requestedBy: a.requestedBy, approvedBy: a.approvedBy, at: new Date(a.at) })));
    }
    if (original) {
      const shortfalls = await refundStoredValueAtReturn(tx, chainId, doc, receivedAt);
      await recordDifferences(tx, chainId, doc, original, shortfalls, receivedAt, () => newId(clock));
      await movePointsForReturn(tx, chainId, doc, original, businessDate, receivedAt);
    }
    await moveStockAndRollUp(tx, chainId, doc, businessDate, receivedAt);
    return true;
  });
}

/**
 * The till paid the customer before HQ heard of it, so a line returned beyond what was sold
 * (across tills), a tender refunded beyond what it paid, or stored value the card could not be
 * credited (`STORED_VALUE_REFUND`: the spend unknown, reversed or refunded already) is taken and
 * kept as a difference for the office, counted after this return.
 */
async function recordDifferences(tx: Db, chainId: string, doc: Return, original: OriginalSale, shortfalls: readonly StoredValueShortfall[], at: Date, id: () => string): Promise<void> {
  const lineIds = doc.lines.flatMap((l) => (l.saleLineId ? [l.saleLineId] : []));
  const paymentIds = doc.refunds.flatMap((r) => (r.salePaymentId ? [r.salePaymentId] : []));
  const returned = lineIds.length === 0 ? [] : await tx
    .select({ saleLineId: returnLines.saleLineId, quantity: sql<number>`sum(${returnLines.quantity})::int` }).from(returnLines)
    .where(and(eq(returnLines.chainId, chainId), eq(returnLines.direction, 'back'), inArray(returnLines.saleLineId, lineIds))).groupBy(returnLines.saleLineId);
  const refunded = paymentIds.length === 0 ? [] : await tx
    .select({ salePaymentId: returnRefunds.salePaymentId, amount: sql<string>`sum(${returnRefunds.amountMinor})` }).from(returnRefunds)
    .where(and(eq(returnRefunds.chainId, chainId), eq(returnRefunds.direction, 'refund'), inArray(returnRefunds.salePaymentId, paymentIds))).groupBy(returnRefunds.salePaymentId);
  const rows = [
    ...returned.flatMap((r) => {
      const sold = original.lines.get(r.saleLineId!)?.quantity ?? 0;
      const excess = Number(r.quantity) - sold;
      return excess > 0 ? [{ problem: 'OVER_RETURN', saleLineId: r.saleLineId, salePaymentId: null, excess, detail: { sold, returned: Number(r.quantity) } }] : [];
    }),
    ...refunded.flatMap((r) => {
      const paid = original.payments.get(r.salePaymentId!)?.amountMinor ?? 0;
      const excess = Number(r.amount) - paid;
      return excess > 0 ? [{ problem: 'OVER_REFUND', saleLineId: null, salePaymentId: r.salePaymentId, excess, detail: { paid, refunded: Number(r.amount) } }] : [];
    }),
    ...shortfalls.map((s) => ({
      problem: 'STORED_VALUE_REFUND', saleLineId: null, salePaymentId: s.salePaymentId, excess: s.refundedMinor - s.creditedMinor,
      detail: { reason: s.reason, refunded: s.refundedMinor, credited: s.creditedMinor },
    })),
  ];
  if (rows.length === 0) return;
  await tx.insert(returnDifferences).values(rows.map((r) => ({ chainId, id: id(), returnId: doc.id, storeId: doc.storeId, createdAt: at, ...r, detail: { ...r.detail, originalSaleId: original.id, originalStoreId: original.storeId } })));
}

/** Goods back go on the shelf (`return`), an exchange's goods out leave it (`exchange`); the store-day roll-ups take the return off the day's sales. */
async function moveStockAndRollUp(tx: Db, chainId: string, doc: Return, businessDate: string, at: Date): Promise<void> {
  const moves = [
    ...doc.lines.map((l) => ({ id: l.id, product_id: l.productId, delta: l.quantity, reason: 'return', amount: -l.refundMinor })),
    ...doc.outLines.map((l) => ({ id: l.id, product_id: l.productId, delta: -l.quantity, reason: 'exchange', amount: l.netMinor })),
  ];
  const returnsMinor = sum(doc.lines.map((l) => l.refundMinor)) - doc.clawbackMinor;
  const salesDelta = sum(doc.outLines.map((l) => l.netMinor)) - returnsMinor;
  const itemsDelta = sum(doc.outLines.map((l) => l.quantity)) - sum(doc.lines.map((l) => l.quantity));
  await query(tx, sql`
    with moves as (
      select * from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) as m(id uuid, product_id uuid, delta bigint, reason text, amount bigint)
    ),
    movements_written as (
      insert into stock_movements (chain_id, id, store_id, product_id, delta, reason, document_id, created_at)
      select ${chainId}::uuid, id, ${doc.storeId}::uuid, product_id, delta, reason::stock_movement_reason, ${doc.id}::uuid, ${at.toISOString()}::timestamptz
      from moves order by id
    ),
    levels_written as (
      -- Goods back enter at the store's moving-average cost, or where it has none at the product's cost; goods exchanged out leave at the average.
      insert into stock_levels (chain_id, store_id, product_id, quantity, value_minor, updated_at)
      select ${chainId}::uuid, ${doc.storeId}::uuid, product_id, sum(delta), greatest(sum(delta), 0) * ${productCostAt(chainId, sql`moves.product_id`, at)}, ${at.toISOString()}::timestamptz
      from moves group by product_id order by product_id
      on conflict (chain_id, store_id, product_id) do update
        set quantity = stock_levels.quantity + excluded.quantity, value_minor = ${levelValueOnConflict(false)}, updated_at = excluded.updated_at
    ),
    costed as (
      -- Goods back take their cost off the day's cost of goods sold, goods out add theirs, at the cost in force now (null: none on record).
      select m.*, -m.delta * ${costInForce(chainId, sql`m.product_id`, at)} as cost_minor from moves m
    ),
    product_days_written as (
      insert into store_day_product_sales (chain_id, store_id, business_date, product_id, quantity, sales_minor, returned_quantity, returns_minor,
                                           cost_minor, uncosted_minor)
      select ${chainId}::uuid, ${doc.storeId}::uuid, ${businessDate}::date, product_id, -sum(delta), sum(amount),
             coalesce(sum(delta) filter (where reason = 'return'), 0), coalesce(-sum(amount) filter (where reason = 'return'), 0),
             coalesce(sum(cost_minor), 0), coalesce(sum(amount) filter (where cost_minor is null), 0)
      from costed group by product_id order by product_id
      on conflict (chain_id, store_id, business_date, product_id) do update set
        quantity = store_day_product_sales.quantity + excluded.quantity, sales_minor = store_day_product_sales.sales_minor + excluded.sales_minor,
        returned_quantity = store_day_product_sales.returned_quantity + excluded.returned_quantity,
        returns_minor = store_day_product_sales.returns_minor + excluded.returns_minor,
        cost_minor = store_day_product_sales.cost_minor + excluded.cost_minor, uncosted_minor = store_day_product_sales.uncosted_minor + excluded.uncosted_minor
    )
    insert into store_day_sales (chain_id, store_id, business_date, sales_minor, discount_minor, rounding_minor, tickets, items, returns_minor, return_count,
                                 cost_minor, uncosted_minor, margin_minor)
    select ${chainId}::uuid, ${doc.storeId}::uuid, ${businessDate}::date, ${salesDelta}, 0, 0, 0, ${itemsDelta}, ${returnsMinor}, 1,
           coalesce(sum(cost_minor), 0), coalesce(sum(amount) filter (where cost_minor is null), 0),
           coalesce(sum(amount - cost_minor) filter (where cost_minor is not null), 0)
    from costed
    on conflict (chain_id, store_id, business_date) do update set
      sales_minor = store_day_sales.sales_minor + excluded.sales_minor, items = store_day_sales.items + excluded.items,
      returns_minor = store_day_sales.returns_minor + excluded.returns_minor, return_count = store_day_sales.return_count + 1,
      cost_minor = store_day_sales.cost_minor + excluded.cost_minor, uncosted_minor = store_day_sales.uncosted_minor + excluded.uncosted_minor,
      margin_minor = store_day_sales.margin_minor + excluded.margin_minor`);
}
