import type { JournalLineClerk, SalesJournal, SalesJournalQuery } from '@pos/shared';
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { StoreInScope } from '../http/scope';
import { categoryAndBelow } from '../catalog/category-tree-sql';
import { products } from '../catalog/catalog.tables';
import { pricingDiscrepancies } from '../pricing/pricing.tables';
import { clerks } from '../org/org.tables';
import { saleLineClerks, saleLines, sales } from './sales.tables';

/**
 * One page of these stores' sales (only those with a line of a product, or of a category, when asked), newest first (ties by id, so pages never repeat a sale),
 * each with its lines (and the clerks each is credited to) and the number of pricing differences HQ recorded on it: what HQ took in,
 * line by line, for the office to check a till's day against.
 */
export async function findJournal(db: Db, chainId: string, stores: readonly StoreInScope[], q: SalesJournalQuery): Promise<SalesJournal> {
  if (stores.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [eq(sales.chainId, chainId), inArray(sales.storeId, stores.map((s) => s.id))];
  if (q.from) conditions.push(gte(sales.businessDate, q.from));
  if (q.to) conditions.push(lte(sales.businessDate, q.to));
  if (q.productId) conditions.push(sql`exists (select 1 from ${saleLines} where ${saleLines.chainId} = ${sales.chainId} and ${saleLines.saleId} = ${sales.id} and ${saleLines.productId} = ${q.productId})`);
  if (q.categoryId) {
    conditions.push(sql`exists (select 1 from ${saleLines} join ${products} on ${products.chainId} = ${saleLines.chainId} and ${products.id} = ${saleLines.productId}
      where ${saleLines.chainId} = ${sales.chainId} and ${saleLines.saleId} = ${sales.id} and ${products.categoryId} in ${categoryAndBelow(chainId, q.categoryId)})`);
  }
  const where = and(...conditions);
  const differences = sql<number>`(select count(*) from ${pricingDiscrepancies} where ${pricingDiscrepancies.chainId} = ${sales.chainId} and ${pricingDiscrepancies.saleId} = ${sales.id})`.mapWith(Number);
  const [headers, [counted]] = await Promise.all([
    db.select({
      id: sales.id, storeId: sales.storeId, deviceId: sales.deviceId, receiptNo: sales.receiptNo, businessDate: sales.businessDate,
      completedAt: sales.completedAt, totalMinor: sales.totalMinor, discrepancies: differences,
    }).from(sales).where(where).orderBy(desc(sales.completedAt), desc(sales.id)).limit(q.limit).offset(q.offset),
    db.select({ n: count() }).from(sales).where(where),
  ]);
  const saleIds = headers.map((h) => h.id);
  const [lines, credited] = saleIds.length === 0 ? [[], new Map<string, JournalLineClerk[]>()] : await Promise.all([linesOf(db, chainId, saleIds), lineClerksOf(db, chainId, saleIds)]);
  const storeCode = new Map(stores.map((s) => [s.id, s.code]));
  return {
    total: counted?.n ?? 0,
    items: headers.map((h) => ({
      ...h, storeCode: storeCode.get(h.storeId) ?? '', completedAt: h.completedAt.toISOString(), totalMinor: Number(h.totalMinor),
      lines: lines.filter((l) => l.saleId === h.id).map(({ saleId: _saleId, lineId, ...line }) => ({
        ...line, unitPriceMinor: Number(line.unitPriceMinor), netMinor: Number(line.netMinor), ...(credited.has(lineId) ? { clerks: credited.get(lineId) } : {}),
      })),
    })),
  };
}

function linesOf(db: Db, chainId: string, saleIds: readonly string[]) {
  return db.select({
    saleId: saleLines.saleId, lineId: saleLines.id, lineNo: saleLines.lineNo, productId: saleLines.productId, barcode: saleLines.barcode, nameZh: saleLines.nameZh,
    nameEn: saleLines.nameEn, quantity: saleLines.quantity, unitPriceMinor: saleLines.unitPriceMinor, netMinor: saleLines.netMinor, giftRuleId: saleLines.giftRuleId,
  }).from(saleLines).where(and(eq(saleLines.chainId, chainId), inArray(saleLines.saleId, [...saleIds]))).orderBy(asc(saleLines.saleId), asc(saleLines.lineNo));
}

/** The clerks each line of these sales is credited to, by line: the line's own clerk (the first the till named) before the one sharing it. */
async function lineClerksOf(db: Db, chainId: string, saleIds: readonly string[]): Promise<Map<string, JournalLineClerk[]>> {
  const rows = await db.select({ lineId: saleLineClerks.lineId, lineClerkId: saleLines.clerkId, clerkId: saleLineClerks.clerkId, code: clerks.code, name: clerks.name, shareBp: saleLineClerks.shareBp })
    .from(saleLineClerks)
    .innerJoin(saleLines, and(eq(saleLines.chainId, saleLineClerks.chainId), eq(saleLines.id, saleLineClerks.lineId)))
    .innerJoin(clerks, and(eq(clerks.chainId, saleLineClerks.chainId), eq(clerks.id, saleLineClerks.clerkId)))
    .where(and(eq(saleLineClerks.chainId, chainId), inArray(saleLineClerks.saleId, [...saleIds])));
  const byLine = new Map<string, (JournalLineClerk & { first: boolean })[]>();
  for (const { lineId, lineClerkId, ...clerk } of rows) byLine.set(lineId, [...(byLine.get(lineId) ?? []), { ...clerk, first: clerk.clerkId === lineClerkId }]);
  return new Map([...byLine].map(([lineId, found]) => [lineId, found.sort((a, b) => Number(b.first) - Number(a.first)).map(({ first: _first, ...clerk }) => clerk)]));
}
