import type { Principal } from '../http/app-env';
import type { StoreDayQuery, StoreDayReport, StoreDayRow } from '@pos/shared';
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { storeInScope, storesInScope } from '../http/scope';
import { storeDaySales } from './reports.tables';

function averageBasket(sales: number, tickets: number): number {
  return tickets === 0 ? 0 : Math.round(sales / tickets);
}

/** Sales, tickets, items and average basket per store per business day, from the roll-up, for the stores in the caller's scope. */
export async function storeDayReport(db: Db, principal: Principal, q: StoreDayQuery): Promise<StoreDayReport> {
  const visible = q.storeId ? [await storeInScope(db, principal, q.storeId)] : await storesInScope(db, principal);
  const byId = new Map(visible.map((s) => [s.id, s]));
  const rows: StoreDayRow[] = [];
  if (visible.length > 0) {
    const found = await db
      .select()
      .from(storeDaySales)
      .where(and(eq(storeDaySales.chainId, principal.chainId), inArray(storeDaySales.storeId, [...byId.keys()]), between(storeDaySales.businessDate, q.from, q.to)))
      .orderBy(asc(storeDaySales.businessDate), asc(storeDaySales.storeId));
    for (const r of found) {
      const store = byId.get(r.storeId)!;
      rows.push({
        storeId: r.storeId, storeCode: store.code, storeName: store.nameZh, businessDate: r.businessDate,
        salesMinor: r.salesMinor, tickets: r.tickets, items: r.items, averageBasketMinor: averageBasket(r.salesMinor, r.tickets),
      });
    }
  }
  const sum = (pick: (r: StoreDayRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const salesMinor = sum((r) => r.salesMinor);
  const tickets = sum((r) => r.tickets);
  return { from: q.from, to: q.to, rows, totals: { salesMinor, tickets, items: sum((r) => r.items), averageBasketMinor: averageBasket(salesMinor, tickets) } };
}
