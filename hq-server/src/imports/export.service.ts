import { PassThrough, Readable } from 'node:stream';
import { XLSX_CONTENT_TYPE, type ExportFormat, type ImportColumn, type ImportKind } from '@pos/shared';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { query } from '../db/query';
import { columnsFor } from './cost-visibility';
import { exportQueries, moneyColumns } from './export-queries';
import { formatMajor, yesNoText, type BulkContext } from './kinds/kind';

const PAGE = 5_000;

export interface ExportRequest {
  kind: ImportKind;
  format: ExportFormat;
  lang: 'en' | 'zh-CN';
  template: boolean;
}

const cellOf = (column: string, value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return yesNoText(value);
  if (moneyColumns.has(column)) return formatMajor(value as number | string);
  return String(value);
};

/** A kind's rows page by page (5,000 at a time, by its natural key), so an export never holds the whole table. */
async function* pagesOf(ctx: BulkContext, kind: ImportKind, columns: readonly ImportColumn[]): AsyncGenerator<string[][]> {
  let after = '';
  for (;;) {
    const rows = await query<Record<string, unknown> & { key: string }>(ctx.db, await exportQueries[kind](ctx, after, PAGE));
    if (rows.length === 0) return;
    const kept = kind === 'prices' ? rows.filter((r) => r.price !== null) : rows;
    yield kept.map((r) => columns.map((c) => (c.key === 'pin' ? '' : cellOf(c.key, r[c.key]))));
    after = rows[rows.length - 1]!.key;
    if (kind !== 'prices' && rows.length < PAGE) return;
  }
}

async function* csvChunks(header: string[], pages: AsyncGenerator<string[][]>): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${stringify([header])}`);
  for await (const page of pages) yield Buffer.from(stringify(page));
}

function xlsxStream(header: string[], pages: AsyncGenerator<string[][]>, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  (async () => {
    sheet.addRow(header).commit();
    for await (const page of pages) for (const cells of page) sheet.addRow(cells).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error('export failed')));
  return out;
}

/**
 * A kind's current data (or, as a template, its header alone) as CSV (UTF-8 with a byte-order
 * mark, so Excel reads Chinese) or .xlsx, streamed as it is read. The header row is in the
 * caller's language; the cells hold the values an import takes back unchanged.
 */
export async function exportFile(deps: Deps, principal: OfficePrincipal, request: ExportRequest): Promise<{ body: ReadableStream<Uint8Array>; contentType: string; fileName: string }> {
  const ctx: BulkContext = { db: deps.db, principal, chainId: principal.chainId, clock: deps.clock, now: deps.clock() };
  const columns = await columnsFor(deps.db, request.kind, principal);
  const header = columns.map((c) => (request.lang === 'zh-CN' ? c.zh : c.key));
  const pages = request.template ? (async function* () {})() : pagesOf(ctx, request.kind, columns);
  const fileName = `${request.kind}${request.template ? '-template' : ''}.${request.format}`;
  const node = request.format === 'csv' ? Readable.from(csvChunks(header, pages)) : xlsxStream(header, pages, request.kind);
  return {
    body: Readable.toWeb(node) as ReadableStream<Uint8Array>,
    contentType: request.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_CONTENT_TYPE,
    fileName,
  };
}
