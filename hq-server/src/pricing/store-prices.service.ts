import {
  bandAllows, resolveStorePriceBand, type PriceEntry, type SetStorePriceBody, type StorePriceEntry, type StorePricePage, type StorePriceParams, type StorePriceQuery,
} from '@pos/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { prices, products } from '../catalog/catalog.tables';
import { findProducts } from '../catalog/product-search.repo';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { officePrincipal } from '../http/require-role';
import { categoryCondition } from '../roles/visibility';
import { storeInScope, type StoreInScope } from '../http/scope';
import { toPriceEntry, writePriceEntries } from './price-entries.repo';
import { getStorePricingSettings } from './pricing-settings.service';
import { chainPriceAt, productBands, retailEntries, storeEntriesAt, type RetailRow } from './store-prices.repo';

const toStoreEntry = (row: RetailRow): StorePriceEntry => ({ id: row.id, amountMinor: row.amountMinor, effectiveFrom: row.effectiveFrom?.toISOString() ?? null });

/** One page of products (the catalog's search, of the categories the caller sees) with the chain price, the band and the store's own price of each. */
export async function listStorePrices({ db, clock }: Deps, principal: Principal, query: StorePriceQuery): Promise<StorePricePage> {
  const store = await storeInScope(db, principal, query.storeId);
  const { storePriceBandBp } = await getStorePricingSettings(db, principal.chainId);
  const within = await categoryCondition(db, principal, products.categoryId);
  const { rows, total } = await findProducts(db, principal.chainId, { q: query.q, limit: query.limit, offset: query.offset, within });
  const ids = rows.map((p) => p.id);
  const [entries, bands] = await Promise.all([retailEntries(db, principal.chainId, ids, store.id), productBands(db, principal.chainId, ids)]);
  const now = clock();
  const items = rows.map((p) => {
    const chainPriceMinor = chainPriceAt(entries, p.id, now, store.timeZone);
    const productBand = bands.get(p.id) ?? null;
    const { current, scheduled } = storeEntriesAt(entries, p.id, store.id, now);
    return {
      product: { id: p.id, sku: p.sku, nameZh: p.nameZh, nameEn: p.nameEn, unit: p.unit, weighed: p.weighed, active: p.active },
      chainPriceMinor,
      band: resolveStorePriceBand({ explicit: productBand, chainPriceMinor, defaultBandBp: storePriceBandBp }),
      productBand,
      current: current && toStoreEntry(current),
      scheduled: scheduled.map(toStoreEntry),
    };
  });
  return { items, total };
}

/**
 * The store, when the caller may price it: HQ any store of the chain; a franchisee their stores
 * when the chain's policy lets franchisees price; a store manager their store when it lets store
 * managers too. A store out of scope is 404, as everywhere.
 */
async function storeToPrice(db: Db, principal: Principal, storeId: string): Promise<StoreInScope> {
  const office = officePrincipal(principal);
  if (office.role !== 'hq_admin') {
    const { storePricingPolicy: policy } = await getStorePricingSettings(db, office.chainId);
    const allowed = (office.role === 'franchisee' && policy !== 'hq_only') || (office.role === 'store_manager' && policy === 'franchisee_and_store_manager');
    if (!allowed) throw new AppError('FORBIDDEN', `the chain’s store-pricing policy (${policy}) does not let a ${office.role} set store prices`);
  }
  return storeInScope(db, principal, storeId);
}

/** A product of a category the caller does not see is as unknown as one the chain lacks. */
async function checkProduct(db: Db, principal: Principal, productId: string): Promise<void> {
  const within = await categoryCondition(db, principal, products.categoryId);
  if (!(await db.$count(products, and(eq(products.chainId, principal.chainId), eq(products.id, productId), within)))) throw new AppError('NOT_FOUND', 'no such product');
}

/** Refuses a price outside the band that applies when it takes effect: the product's band, else the chain price then ± the default. */
async function checkBand(db: Db, chainId: string, store: StoreInScope, productId: string, amountMinor: number, at: Date): Promise<void> {
  const [{ storePriceBandBp }, entries, bands] = await Promise.all([
    getStorePricingSettings(db, chainId), retailEntries(db, chainId, [productId], store.id), productBands(db, chainId, [productId]),
  ]);
  const band = resolveStorePriceBand({ explicit: bands.get(productId) ?? null, chainPriceMinor: chainPriceAt(entries, productId, at, store.timeZone), defaultBandBp: storePriceBandBp });
  if (!band) throw new AppError('CONFLICT', 'the product has no chain price and no band of its own then; HQ must set one first');
  if (!bandAllows(band, amountMinor)) {
    throw new AppError('PRICE_OUTSIDE_BAND', `the store price must be between ${band.minMinor} and ${band.maxMinor} fen`, band);
  }
}

/**
 * Sets a store's own retail price now or from a future instant, through the prices the tills pull
 * (only that store's tills receive it). HQ's band binds franchisees and store managers, not HQ.
 */
export async function setStorePrice({ db, clock }: Deps, principal: Principal, { storeId, productId }: StorePriceParams, body: SetStorePriceBody): Promise<PriceEntry> {
  const store = await storeToPrice(db, principal, storeId);
  const now = clock();
  const effectiveFrom = body.effectiveFrom === null ? now : new Date(body.effectiveFrom);
  if (effectiveFrom < now) {
    throw new AppError('VALIDATION_FAILED', 'invalid request body', [{ path: 'effectiveFrom', message: 'a scheduled change must be in the future; leave it empty for now' }]);
  }
  await checkProduct(db, principal, productId);
  if (officePrincipal(principal).role !== 'hq_admin') await checkBand(db, principal.chainId, store, productId, body.amountMinor, effectiveFrom);
  return db.transaction(async (tx) => {
    const before = storeEntriesAt(await retailEntries(tx, principal.chainId, [productId], storeId), productId, storeId, effectiveFrom).current;
    const { rows } = await writePriceEntries(tx, clock, principal.chainId, [{ productId, storeId, kind: 'retail', memberLevelId: null, amountMinor: body.amountMinor, effectiveFrom }]);
    const after = toPriceEntry(rows[0]!);
    await recordAudit(tx, principal, clock, { entity: 'price', entityId: after.id, action: before ? 'update' : 'create', before: before && toPriceEntry(before), after, storeId });
    return after;
  });
}

/**
 * Ends a store's own retail price of a product, in force and scheduled, so the store sells at the
 * chain price again; its tills drop the entries at their next pull.
 */
export async function clearStorePrice({ db, clock }: Deps, principal: Principal, { storeId, productId }: StorePriceParams): Promise<{ cleared: number }> {
  await storeToPrice(db, principal, storeId);
  return db.transaction(async (tx) => {
    // The end is kept, so a sale rung at the store price before now and pushed later is still priced with it.
    const rows = await tx.update(prices).set({ active: false, effectiveUntil: clock() })
      .where(and(eq(prices.chainId, principal.chainId), eq(prices.storeId, storeId), eq(prices.productId, productId), eq(prices.kind, 'retail'),
        isNull(prices.memberLevelId), eq(prices.active, true)))
      .returning();
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'the store has no price of its own for this product');
    await recordAudit(tx, principal, clock, ...rows.map((row) => ({
      entity: 'price' as const, entityId: row.id, action: 'deactivate' as const, before: toPriceEntry({ ...row, active: true }), after: toPriceEntry(row), storeId,
    })));
    return { cleared: rows.length };
  });
}
