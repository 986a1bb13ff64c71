import type { StoreDayRow } from '@pos/shared';
import { formatMinor, minor } from '@pos/shared';
import type { Figures } from './store-day-summary';

export interface CsvHeadings {
  date: string;
  storeCode: string;
  storeName: string;
  sales: string;
  tickets: string;
  items: string;
  averageBasket: string;
  total: string;
}

/** One field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV: one line per store per day, then the totals. Amounts are plain decimals
 * without grouping so a spreadsheet reads them as numbers; a byte-order mark lets Excel see
 * the Chinese store names as UTF-8.
 */
export function storeDayCsv(rows: readonly StoreDayRow[], totals: Figures, headings: CsvHeadings): string {
  const money = (amount: number) => formatMinor(minor(amount));
  const lines = [
    [headings.date, headings.storeCode, headings.storeName, headings.sales, headings.tickets, headings.items, headings.averageBasket],
    ...rows.map((r) => [r.businessDate, r.storeCode, r.storeName, money(r.salesMinor), r.tickets, r.items, money(r.averageBasketMinor)]),
    [headings.total, '', '', money(totals.salesMinor), totals.tickets, totals.items, money(totals.averageBasketMinor)],
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Hands a text file to the browser as a download. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
