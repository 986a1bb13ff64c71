import type { StoreDayReport, StoreDayRow } from '@pos/shared';
import { describe, expect, it } from 'vitest';
import { summarizeStoreDay } from './store-day-summary';

const east = '0193a6d2-7c1e-7a00-8000-0000000000e1';
const west = '0193a6d2-7c1e-7a00-8000-0000000000e2';

function row(storeId: string, storeCode: string, businessDate: string, salesMinor: number, tickets: number): StoreDayRow {
  return { storeId, storeCode, storeName: storeCode, businessDate, salesMinor, tickets, items: tickets * 2, averageBasketMinor: Math.round(salesMinor / tickets) };
}

const report: StoreDayReport = {
  from: '2026-11-20',
  to: '2026-11-22',
  rows: [row(west, 'S006', '2026-11-20', 10_000, 4), row(east, 'S004', '2026-11-20', 20_001, 3), row(east, 'S004', '2026-11-22', 5_000, 2)],
  totals: { salesMinor: 35_001, tickets: 9, items: 18, averageBasketMinor: 3_889 },
};

describe('store-day summary', () => {
  it('lists the stores in scope by code and sorts rows newest day first', () => {
    const summary = summarizeStoreDay(report, null);
    expect(summary.stores.map((s) => s.code)).toEqual(['S004', 'S006']);
    expect(summary.rows.map((r) => `${r.businessDate} ${r.storeCode}`)).toEqual(['2026-11-22 S004', '2026-11-20 S004', '2026-11-20 S006']);
  });

  it('totals the way HQ does, the average basket rounded to the nearest minor unit', () => {
    expect(summarizeStoreDay(report, null).totals).toEqual(report.totals);
  });

  it('keeps a day without sales in the chart at zero', () => {
    expect(summarizeStoreDay(report, null).byDay).toEqual([
      { date: '2026-11-20', salesMinor: 30_001, tickets: 7 },
      { date: '2026-11-21', salesMinor: 0, tickets: 0 },
      { date: '2026-11-22', salesMinor: 5_000, tickets: 2 },
    ]);
  });

  it('filters to one store while still listing every store to choose from', () => {
    const summary = summarizeStoreDay(report, east);
    expect(summary.stores).toHaveLength(2);
    expect(summary.rows.every((r) => r.storeId === east)).toBe(true);
    expect(summary.totals).toEqual({ salesMinor: 25_001, tickets: 5, items: 10, averageBasketMinor: 5_000 });
    expect(summary.byStore).toEqual([expect.objectContaining({ shareBp: 10_000 })]);
  });

  it('gives each store its share of sales in basis points', () => {
    expect(summarizeStoreDay(report, null).byStore.map((s) => s.shareBp)).toEqual([7_143, 2_857]);
  });
});
