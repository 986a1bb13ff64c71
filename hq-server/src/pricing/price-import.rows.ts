import { PriceKind, type PriceImportProblem } from '@pos/shared';
import { parseCsv, parseMajorAmount } from './csv';
import { instantOfLocal } from './local-instant';
import type { NewPrice } from './price-entries.repo';

export const IMPORT_COLUMNS = ['sku', 'store', 'kind', 'level', 'price', 'effective_from'] as const;
const REQUIRED = ['sku', 'price'];
export const MAX_IMPORT_ROWS = 10_000;

export interface ImportLookups {
  productIdBySku: ReadonlyMap<string, string>;
  storeByCode: ReadonlyMap<string, { id: string; timeZone: string }>;
  levelIdByCode: ReadonlyMap<string, string>;
  chainTimeZone: string;
  now: Date;
}

type Cells = Record<(typeof IMPORT_COLUMNS)[number], string>;

export function readHeader(text: string): { header: string[]; body: string[][]; problems: PriceImportProblem[] } {
  const [first = [], ...body] = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = first.map((h) => h.trim().toLowerCase());
  const problems: PriceImportProblem[] = [
    ...header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h)).map((h) => ({ row: 1, column: h, message: `unknown column; use ${IMPORT_COLUMNS.join(', ')}` })),
    ...REQUIRED.filter((c) => !header.includes(c)).map((c) => ({ row: 1, column: c, message: 'required column missing' })),
  ];
  if (body.length === 0) problems.push({ row: 2, column: '', message: 'no price rows' });
  if (body.length > MAX_IMPORT_ROWS) problems.push({ row: MAX_IMPORT_ROWS + 2, column: '', message: `at most ${MAX_IMPORT_ROWS} rows at once` });
  return { header, body, problems };
}

function effectiveFromOf(text: string, timeZone: string, now: Date): Date | string {
  if (text === '') return now;
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(text) ? instantOfLocal(`${text}T00:00:00`, timeZone)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : null;
  if (!instant || Number.isNaN(instant.getTime())) return 'a date (YYYY-MM-DD, store-local midnight) or an ISO instant with offset';
  return instant < now ? 'must not be in the past; leave empty for now' : instant;
}

/** One data row as a price entry, or the problems with it; `row` is the 1-based line number. */
export function readRow(cells: Cells, row: number, lookups: ImportLookups): NewPrice | PriceImportProblem[] {
  const problems: PriceImportProblem[] = [];
  const fail = (column: string, message: string) => problems.push({ row, column, message });
  const productId = lookups.productIdBySku.get(cells.sku);
  if (!productId) fail('sku', cells.sku === '' ? 'required' : `no product with SKU ${cells.sku}`);
  const store = cells.store === '' ? null : lookups.storeByCode.get(cells.store);
  if (store === undefined) fail('store', `no store ${cells.store}`);
  const kind = PriceKind.safeParse(cells.kind === '' ? 'retail' : cells.kind);
  if (!kind.success) fail('kind', 'retail, member or wholesale');
  const memberLevelId = cells.level === '' ? null : lookups.levelIdByCode.get(cells.level);
  if (memberLevelId === undefined) fail('level', `no member level ${cells.level}`);
  if (memberLevelId && kind.data !== 'member') fail('level', 'only member prices name a level');
  const amountMinor = parseMajorAmount(cells.price);
  if (amountMinor === null) fail('price', 'a price such as 12.90, at most two decimals');
  const effectiveFrom = effectiveFromOf(cells.effective_from, store?.timeZone ?? lookups.chainTimeZone, lookups.now);
  if (typeof effectiveFrom === 'string') fail('effective_from', effectiveFrom);
  if (problems.length || !productId || store === undefined || !kind.success || memberLevelId === undefined || amountMinor === null || typeof effectiveFrom === 'string') return problems;
  return { productId, storeId: store?.id ?? null, kind: kind.data, memberLevelId, amountMinor, effectiveFrom };
}

export function cellsOf(header: readonly string[], fields: readonly string[]): Cells {
  const value = (column: string) => (fields[header.indexOf(column)] ?? '').trim();
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, value(c)])) as Cells;
}
