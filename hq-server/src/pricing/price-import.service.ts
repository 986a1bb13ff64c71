import type { PriceImportProblem, PriceImportResult } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { chains, stores } from '../org/org.tables';
import { writePriceEntries, type NewPrice } from './price-entries.repo';
import { cellsOf, readHeader, readRow, type ImportLookups } from './price-import.rows';
import { memberLevels } from './pricing.tables';

async function loadLookups(db: Db, chainId: string, skus: string[], now: Date): Promise<ImportLookups> {
  const [productRows, storeRows, levelRows, chainRows] = await Promise.all([
    skus.length ? db.select({ id: products.id, sku: products.sku }).from(products).where(and(eq(products.chainId, chainId), inArray(products.sku, skus))) : [],
    db.select({ id: stores.id, code: stores.code, timeZone: stores.timeZone }).from(stores).where(eq(stores.chainId, chainId)),
    db.select({ id: memberLevels.id, code: memberLevels.code }).from(memberLevels).where(eq(memberLevels.chainId, chainId)),
    db.select({ timeZone: chains.timeZone }).from(chains).where(eq(chains.id, chainId)),
  ]);
  return {
    productIdBySku: new Map(productRows.map((p) => [p.sku, p.id])),
    storeByCode: new Map(storeRows.map((s) => [s.code, s])),
    levelIdByCode: new Map(levelRows.map((l) => [l.code, l.id])),
    chainTimeZone: chainRows[0]!.timeZone,
    now,
  };
}

function duplicateProblems(entries: { row: number; entry: NewPrice }[]): PriceImportProblem[] {
  const firstRow = new Map<string, number>();
  return entries.flatMap(({ row, entry }) => {
    const key = [entry.productId, entry.storeId, entry.kind, entry.memberLevelId, entry.effectiveFrom.getTime()].join('|');
    const seen = firstRow.get(key);
    if (seen === undefined) firstRow.set(key, row);
    return seen === undefined ? [] : [{ row, column: 'sku', message: `repeats row ${seen}` }];
  });
}

/**
 * Imports a price list from CSV, all or nothing: every row is checked first, and one bad
 * row refuses the whole file with each problem by row and column, so a half-applied price
 * change never reaches the tills. A valid file is written in one transaction.
 */
export async function importPrices({ db, clock }: Deps, principal: Principal, text: string): Promise<PriceImportResult> {
  const { chainId } = principal;
  const { header, body, problems } = readHeader(text);
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'the CSV cannot be read; nothing was imported', problems);
  const lookups = await loadLookups(db, chainId, [...new Set(body.map((fields) => cellsOf(header, fields).sku))], clock());
  const entries: { row: number; entry: NewPrice }[] = [];
  body.forEach((fields, i) => {
    const read = readRow(cellsOf(header, fields), i + 2, lookups);
    if (Array.isArray(read)) problems.push(...read);
    else entries.push({ row: i + 2, entry: read });
  });
  problems.push(...duplicateProblems(entries));
  if (problems.length) throw new AppError('VALIDATION_FAILED', `${new Set(problems.map((p) => p.row)).size} rows are invalid; nothing was imported`, problems);
  return db.transaction(async (tx) => {
    const written = await writePriceEntries(tx, clock, chainId, entries.map((e) => e.entry));
    const result = { imported: entries.length, created: written.created, updated: written.updated };
    // One entry for the file, not one per row: the price entries themselves keep every amount and start.
    await recordAudit(tx, principal, clock, { entity: 'price_import', entityId: newId(clock), action: 'import', before: null, after: result });
    return result;
  });
}
