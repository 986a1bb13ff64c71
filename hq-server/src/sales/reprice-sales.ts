import { compilePriceBook, compileRules, priceBasket, resolvePrice, scaleMinor, type BasketLine, type CompiledRules, type PriceBook, type PricedBasket, type Sale, type SaleLine } from '@pos/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { query } from '../db/query';
import { loadRepricingRows } from '../pricing/repricing-data.repo';
import { loadActiveRules } from '../promotions/promotions.repo';

export interface RepricingData {
  book: PriceBook;
  rules: CompiledRules;
  lineFacts: ReadonlyMap<string, Pick<BasketLine, 'categoryId' | 'ancestorCategoryIds' | 'brandId'>>;
}

/** A difference between the till's figure and HQ's; `lineId` null for the ticket total. */
export interface SaleDiscrepancy {
  lineId: string | null;
  tillMinor: number;
  hqMinor: number;
  detail: Record<string, unknown>;
}

function ancestorsOf(categoryId: string | null, parentOf: ReadonlyMap<string, string | null>): string[] {
  const found: string[] = [];
  for (let id = categoryId === null ? null : parentOf.get(categoryId) ?? null; id !== null && !found.includes(id); id = parentOf.get(id) ?? null) found.push(id);
  return found;
}

async function loadAndCompile(db: Db, chainId: string, storeId: string): Promise<RepricingData> {
  const [{ productRows, priceEntries, categoryRows }, rules] = await Promise.all([loadRepricingRows(db, chainId, storeId), loadActiveRules(db, chainId)]);
  const parentOf = new Map(categoryRows.map((c) => [c.id, c.parentId]));
  return {
    book: compilePriceBook({ products: productRows, prices: priceEntries }),
    rules: compileRules(rules),
    lineFacts: new Map(productRows.map((p) => [p.id, { categoryId: p.categoryId, ancestorCategoryIds: ancestorsOf(p.categoryId, parentOf), brandId: p.brand }])),
  };
}

const caches = new WeakMap<Db, Map<string, { seq: string; data: RepricingData }>>();

async function changeSeqHead(db: Db): Promise<string> {
  const [row] = await query<{ head: string }>(db, sql`select case when is_called then last_value else 0 end::text as head from sync_change_seq`);
  return row?.head ?? '0';
}

/**
 * What a store's sales are priced with, compiled once and kept until any price, product,
 * category or promotion changes: every such write takes a number from `sync_change_seq`, so
 * an unchanged head means unchanged data. A reload first waits, through the shared side of
 * the per-chain advisory lock those writers hold until commit, for writes in flight.
 */
export async function repricingDataFor(db: Db, chainId: string, storeId: string): Promise<RepricingData> {
  const cache = caches.get(db) ?? new Map<string, { seq: string; data: RepricingData }>();
  caches.set(db, cache);
  const key = `${chainId}|${storeId}`;
  const cached = cache.get(key);
  if (cached && cached.seq === (await changeSeqHead(db))) return cached.data;
  const fresh = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(7301, hashtext(${chainId}))`);
    return { seq: await changeSeqHead(tx), data: await loadAndCompile(tx, chainId, storeId) };
  });
  cache.set(key, fresh);
  return fresh.data;
}

/** HQ's unit price for a line; a weighed line's label price stands when the label carries no weight. */
function unitPriceOf(data: RepricingData, sale: Sale, line: SaleLine, timeZone: string): { unit: number; problem: string | null } {
  const price = resolvePrice(data.book, {
    productId: line.productId, storeId: sale.storeId, memberLevelId: sale.pricing?.member?.levelId ?? null,
    channel: sale.pricing?.channel ?? 'retail', instant: sale.completedAt, timeZone,
  });
  if (!price.ok) return { unit: line.unitPriceMinor, problem: price.code };
  if (!price.weighed) return { unit: price.unitPriceMinor, problem: null };
  return { unit: line.weightGrams ? scaleMinor(price.unitPriceMinor, line.weightGrams, 1000) : line.unitPriceMinor, problem: null };
}

/** One row per line that differs; the ticket total is their sum, so it gets no row of its own. */
function compare(sale: Sale, units: { unit: number; problem: string | null }[], priced: PricedBasket): SaleDiscrepancy[] {
  return sale.lines.flatMap((line, i) => {
    const hq = priced.lines[i]!;
    const { unit, problem } = units[i]!;
    if (line.netMinor === hq.netMinor && line.unitPriceMinor === unit && problem === null) return [];
    return [{
      lineId: line.id, tillMinor: line.netMinor, hqMinor: hq.netMinor,
      detail: { productId: line.productId, problem, tillUnitPriceMinor: line.unitPriceMinor, hqUnitPriceMinor: unit, tillAdjustments: line.adjustments ?? [], hqDiscounts: hq.discounts },
    }];
  });
}

/**
 * Prices a sale again with the shared engine from HQ's data as of when it was made and
 * returns where HQ and the till differ. Never throws: the customer has paid, so the sale is
 * taken whatever happens here, and a failure is recorded as a difference to look at.
 */
export function repriceSale(data: RepricingData, sale: Sale, timeZone: string): SaleDiscrepancy[] {
  try {
    const units = sale.lines.map((line) => unitPriceOf(data, sale, line, timeZone));
    const lines: BasketLine[] = sale.lines.map((line, i) => ({
      lineId: line.id, productId: line.productId, quantity: line.quantity, unitPriceMinor: units[i]!.unit as BasketLine['unitPriceMinor'],
      categoryId: null, ancestorCategoryIds: [], brandId: null, ...data.lineFacts.get(line.productId), clerkId: line.clerkId, weightGrams: line.weightGrams ?? null,
    }));
    const { member = null, vouchers = [], manualDiscounts = [] } = sale.pricing ?? {};
    const context = { storeId: sale.storeId, instant: sale.completedAt, timeZone, member, vouchers, manualDiscounts, rounding: { unitMinor: 1 as const, mode: 'half_up' as const } };
    return compare(sale, units, priceBasket({ lines }, context, data.rules));
  } catch (error) {
    return [{ lineId: null, tillMinor: sale.totalMinor, hqMinor: sale.totalMinor, detail: { problem: 'REPRICE_FAILED', message: error instanceof Error ? error.message : String(error) } }];
  }
}
