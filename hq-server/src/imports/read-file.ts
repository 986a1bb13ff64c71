import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A file as rows of text cells; `row` is the row's number as a spreadsheet shows it (the header is row 1). */
export interface Table {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export class UnreadableFile extends Error {}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * CSV text from its bytes: UTF-8 with or without a byte-order mark; bytes that are not valid
 * UTF-8 are read as GB18030 (a superset of GBK), which Excel in China saves CSV as.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (hasUtf8Bom(bytes)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function tableOf(records: { row: number; cells: string[] }[]): Table {
  const [first, ...rest] = records;
  if (!first) return { header: [], rows: [] };
  return { header: first.cells, rows: rest.filter((r) => !isBlank(r.cells)) };
}

/** RFC 4180 CSV: quoted fields hold commas, doubled quotes and line breaks; each record is one row. */
export function readCsv(text: string): Table {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : 'the CSV cannot be read');
  }
  return tableOf(records.map((cells, i) => ({ row: i + 1, cells })).filter((r, i) => i === 0 || !isBlank(r.cells)));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text a person sees in it: dates as YYYY-MM-DD, formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    return v.error ?? '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx file, read with exceljs's streaming reader (the file is never held as a workbook). */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const records: { row: number; cells: string[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
      sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        records.push({ row: row.number, cells: Array.from(values.slice(1), (v) => cellText(v)) });
      }
      break;
    }
  } catch (error) {
    throw new UnreadableFile(error instanceof Error ? error.message : 'the workbook cannot be read');
  }
  return tableOf(records);
}

/** A CSV or .xlsx file as a table, told apart by the ZIP signature every .xlsx starts with. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  return isZip(bytes) ? readXlsx(bytes) : readCsv(decodeCsv(bytes));
}
