import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A fen amount as the currency's unit, for a cell formatted with two decimals. */
export const yuan = (minor: number) => minor / 100;
const MONEY = '#,##0.00';
const PERCENT = '0.00%';
const DATE = 'yyyy-mm-dd';

export type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/** A cell: text, a number, or a day (written as a real date cell). */
export type Cell = string | number | Date | null;

/** A `YYYY-MM-DD` day as a date cell. */
export const dayCell = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Which columns hold amounts, percentages (as fractions: 0.125 is 12.5%) or days, beyond plain numbers and text. */
export interface ColumnFormats {
  percents?: readonly number[];
  dates?: readonly number[];
}

/** A sheet of `header` and `rows`, its header frozen; the columns named in `money` hold amounts. */
export function addSheet(workbook: Writer, name: string, header: readonly string[], rows: readonly Cell[][], money: readonly number[], formats: ColumnFormats = {}): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const numFmt = (i: number) => (money.includes(i) ? MONEY : formats.percents?.includes(i) ? PERCENT : formats.dates?.includes(i) ? DATE : null);
  sheet.columns = header.map((title, i) => {
    const format = numFmt(i);
    return { width: Math.max(10, Math.min(40, title.length * 2 + 4)), ...(format ? { style: { numFmt: format } } : {}) };
  });
  const head = sheet.addRow([...header]);
  head.font = { bold: true };
  head.commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
}

/** Writes a workbook with exceljs's streaming writer, each sheet's rows going out as they are added. */
export async function workbookBytes(fill: (workbook: Writer) => void): Promise<Uint8Array<ArrayBuffer>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  fill(workbook);
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
