import type { StoreDayReport } from '@pos/shared';
import { csvText, yuanText as yuan } from './csv';

/** The store-day report as CSV: one row per store per day, then the totals; amounts in the currency's major unit. */
export function storeDayCsv(report: StoreDayReport): string {
  return csvText([
    ['business_date', 'store_code', 'store_name', 'sales', 'tickets', 'items', 'average_basket'],
    ...report.rows.map((r) => [r.businessDate, r.storeCode, r.storeName, yuan(r.salesMinor), r.tickets, r.items, yuan(r.averageBasketMinor)]),
    ['total', '', '', yuan(report.totals.salesMinor), report.totals.tickets, report.totals.items, yuan(report.totals.averageBasketMinor)],
  ]);
}
