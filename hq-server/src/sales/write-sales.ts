import type { Sale } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Deps } from '../http/app-env';
import { newId } from '../ids';
import { storeDayProductSales, storeDaySales } from '../reports/reports.tables';
import { stockLevels, stockMovements } from '../stock/stock.tables';
import { salePayments, saleLines, sales } from './sales.tables';

export interface SaleToWrite {
  sale: Sale;
  businessDate: string;
}

const CHUNK = 1000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function addTo<K, V>(map: Map<K, V>, key: K, initial: V, add: (current: V) => V): void {
  map.set(key, add(map.get(key) ?? initial));
}

/** Writes the sales in one transaction and returns the ids that were new; effects are written for those only. */
export async function writeSales({ db, clock }: Deps, chainId: string, batch: SaleToWrite[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const now = clock();
  return db.transaction(async (tx) => {
    const headers = batch.map(({ sale, businessDate }) => ({
      chainId, id: sale.id, storeId: sale.storeId, deviceId: sale.deviceId, cashierId: sale.cashierId, receiptNo: sale.receiptNo, businessDate,
      currency: sale.currency, startedAt: new Date(sale.startedAt), completedAt: new Date(sale.completedAt), subtotalMinor: sale.subtotalMinor,
      discountMinor: sale.discountMinor, totalMinor: sale.totalMinor, changeMinor: sale.changeMinor,
      itemCount: sale.lines.reduce((n, l) => n + l.quantity, 0), receivedAt: now,
    }));
    const inserted = new Set<string>();
    for (const part of chunks(headers)) {
      const rows = await tx.insert(sales).values(part).onConflictDoNothing().returning({ id: sales.id });
      rows.forEach((r) => inserted.add(r.id));
    }
    const fresh = batch.filter(({ sale }) => inserted.has(sale.id));
    if (fresh.length === 0) return inserted;

    const lines = fresh.flatMap(({ sale }) => sale.lines.map((l) => ({ chainId, saleId: sale.id, ...l })));
    const payments = fresh.flatMap(({ sale }) => sale.payments.map((p) => ({ chainId, saleId: sale.id, ...p })));
    const movements = fresh.flatMap(({ sale }) =>
      sale.lines.map((l) => ({ chainId, id: newId(clock), storeId: sale.storeId, productId: l.productId, delta: -l.quantity, reason: 'sale' as const, documentId: sale.id, createdAt: now })),
    );
    for (const part of chunks(lines)) await tx.insert(saleLines).values(part);
    for (const part of chunks(payments)) await tx.insert(salePayments).values(part);
    for (const part of chunks(movements)) await tx.insert(stockMovements).values(part);

    const levels = new Map<string, { storeId: string; productId: string; delta: number }>();
    const days = new Map<string, { storeId: string; businessDate: string; sales: number; discount: number; tickets: number; items: number }>();
    const productDays = new Map<string, { storeId: string; businessDate: string; productId: string; quantity: number; sales: number }>();
    for (const { sale, businessDate } of fresh) {
      addTo(days, `${sale.storeId}|${businessDate}`, { storeId: sale.storeId, businessDate, sales: 0, discount: 0, tickets: 0, items: 0 }, (d) => ({
        ...d, sales: d.sales + sale.totalMinor, discount: d.discount + sale.discountMinor, tickets: d.tickets + 1, items: d.items + sale.lines.reduce((n, l) => n + l.quantity, 0),
      }));
      for (const line of sale.lines) {
        addTo(levels, `${sale.storeId}|${line.productId}`, { storeId: sale.storeId, productId: line.productId, delta: 0 }, (l) => ({ ...l, delta: l.delta - line.quantity }));
        addTo(productDays, `${sale.storeId}|${businessDate}|${line.productId}`, { storeId: sale.storeId, businessDate, productId: line.productId, quantity: 0, sales: 0 }, (p) => ({
          ...p, quantity: p.quantity + line.quantity, sales: p.sales + line.netMinor,
        }));
      }
    }
    // Sorted so that concurrent batches take row locks in the same order and cannot deadlock.
    const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
    for (const part of chunks(sorted(levels))) {
      await tx
        .insert(stockLevels)
        .values(part.map((l) => ({ chainId, storeId: l.storeId, productId: l.productId, quantity: l.delta, updatedAt: now })))
        .onConflictDoUpdate({ target: [stockLevels.chainId, stockLevels.storeId, stockLevels.productId], set: { quantity: sql`stock_levels.quantity + excluded.quantity`, updatedAt: now } });
    }
    await tx
      .insert(storeDaySales)
      .values(sorted(days).map((d) => ({ chainId, storeId: d.storeId, businessDate: d.businessDate, salesMinor: d.sales, discountMinor: d.discount, tickets: d.tickets, items: d.items })))
      .onConflictDoUpdate({
        target: [storeDaySales.chainId, storeDaySales.storeId, storeDaySales.businessDate],
        set: {
          salesMinor: sql`store_day_sales.sales_minor + excluded.sales_minor`,
          discountMinor: sql`store_day_sales.discount_minor + excluded.discount_minor`,
          tickets: sql`store_day_sales.tickets + excluded.tickets`,
          items: sql`store_day_sales.items + excluded.items`,
        },
      });
    for (const part of chunks(sorted(productDays))) {
      await tx
        .insert(storeDayProductSales)
        .values(part.map((p) => ({ chainId, storeId: p.storeId, businessDate: p.businessDate, productId: p.productId, quantity: p.quantity, salesMinor: p.sales })))
        .onConflictDoUpdate({
          target: [storeDayProductSales.chainId, storeDayProductSales.storeId, storeDayProductSales.businessDate, storeDayProductSales.productId],
          set: { quantity: sql`store_day_product_sales.quantity + excluded.quantity`, salesMinor: sql`store_day_product_sales.sales_minor + excluded.sales_minor` },
        });
    }
    return inserted;
  });
}
