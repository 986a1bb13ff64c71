import type { StoreDayReport } from '@pos/shared';

/** A CSV field: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused so a spreadsheet never runs it. */
function field(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const yuan = (minor: number) => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

/** The store-day report as CSV: one row per store per day, then the totals; amounts in the currency's major unit. */
export function storeDayCsv(report: StoreDayReport): string {
  const lines = [
    ['business_date', 'store_code', 'store_name', 'sales', 'tickets', 'items', 'average_basket'],
    ...report.rows.map((r) => [r.businessDate, r.storeCode, r.storeName, yuan(r.salesMinor), r.tickets, r.items, yuan(r.averageBasketMinor)]),
    ['total', '', '', yuan(report.totals.salesMinor), report.totals.tickets, report.totals.items, yuan(report.totals.averageBasketMinor)],
  ];
  return `${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
