import type { StoreDayReport, StoreDayRow } from '@pos/shared';
import { datesBetween } from '../office-core/local-date';

/** A store as the report rows name it. */
export interface ReportStore {
  id: string;
  code: string;
  name: string;
}

export interface Figures {
  salesMinor: number;
  tickets: number;
  items: number;
  averageBasketMinor: number;
}

export interface StoreFigures extends Figures {
  store: ReportStore;
  /** The store's share of the sales shown, in basis points. */
  shareBp: number;
}

export interface StoreDaySummary {
  stores: ReportStore[];
  /** The rows shown, newest day first, then by store code. */
  rows: StoreDayRow[];
  totals: Figures;
  byStore: StoreFigures[];
  /** One entry for every day of the range, zero on days without sales. */
  byDay: { date: string; salesMinor: number; tickets: number }[];
}

/** The stores that appear in report rows, by code. */
function distinctStores(rows: readonly StoreDayRow[]): ReportStore[] {
  const byId = new Map<string, ReportStore>();
  for (const row of rows) byId.set(row.storeId, { id: row.storeId, code: row.storeCode, name: row.storeName });
  return [...byId.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The same rounding HQ uses: sales over tickets, to the nearest minor unit. */
function figures(rows: readonly StoreDayRow[]): Figures {
  const salesMinor = rows.reduce((n, r) => n + r.salesMinor, 0);
  const tickets = rows.reduce((n, r) => n + r.tickets, 0);
  const items = rows.reduce((n, r) => n + r.items, 0);
  return { salesMinor, tickets, items, averageBasketMinor: tickets === 0 ? 0 : Math.round(salesMinor / tickets) };
}

/** What the report screen shows for one store (or all when `storeId` is null) out of the report HQ returned for the caller's scope. */
export function summarizeStoreDay(report: StoreDayReport, storeId: string | null): StoreDaySummary {
  const stores = distinctStores(report.rows);
  const shown = report.rows
    .filter((r) => storeId === null || r.storeId === storeId)
    .sort((a, b) => b.businessDate.localeCompare(a.businessDate) || a.storeCode.localeCompare(b.storeCode));
  const totals = figures(shown);
  const byStore = stores
    .filter((s) => storeId === null || s.id === storeId)
    .map((store) => {
      const own = figures(shown.filter((r) => r.storeId === store.id));
      return { ...own, store, shareBp: totals.salesMinor === 0 ? 0 : Math.round((own.salesMinor * 10_000) / totals.salesMinor) };
    });
  const byDay = datesBetween(report.from, report.to).map((date) => {
    const day = figures(shown.filter((r) => r.businessDate === date));
    return { date, salesMinor: day.salesMinor, tickets: day.tickets };
  });
  return { stores, rows: shown, totals, byStore, byDay };
}
