import type { ProductBody, ProductDetail, ProductListPage, ProductListQuery, ProductRecord } from '@pos/shared';
import { and, eq, isNull, notInArray, or } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { newId } from '../ids';
import { productPacks } from '../stock/stock.tables';
import { stockCountLines, storeReplenishment } from '../stock/store-stock.tables';
import { supplierProducts } from '../suppliers/suppliers.tables';
import { assortmentItems, barcodes, prices, productCosts, products, storePriceBands } from './catalog.tables';
import { canSeeCost, categoryCondition } from '../roles/visibility';
import { currentCost } from './product-costs.service';
import { checkProductBody } from './product-checks';
import { pinyinKeys } from './pinyin';
import { findProductRecord, listProductRecords, hasHistory } from './products.repo';

/** The office's product list: only products of the categories the caller's role sees (品类数据权限). */
export async function listProducts(db: Db, principal: Principal, query: ProductListQuery): Promise<ProductListPage> {
  return listProductRecords(db, principal.chainId, query, await categoryCondition(db, principal, products.categoryId));
}

async function recordOf(db: Db, chainId: string, id: string): Promise<ProductRecord> {
  const record = await findProductRecord(db, chainId, id);
  if (!record) throw new AppError('NOT_FOUND', `no product ${id}`);
  return record;
}

/** A product with whether it has sales or stock history (so can only be deactivated), and its cost now for a caller allowed to see cost; one of a category the caller does not see is 404. */
export async function getProduct({ db, clock }: Deps, principal: Principal, id: string): Promise<ProductDetail> {
  const record = await findProductRecord(db, principal.chainId, id, await categoryCondition(db, principal, products.categoryId));
  if (!record) throw new AppError('NOT_FOUND', `no product ${id}`);
  const sold = await hasHistory(db, principal.chainId, id);
  if (!(await canSeeCost(db, principal))) return { ...record, sold };
  const cost = await currentCost(db, principal.chainId, id, clock());
  return { ...record, sold, costNowMinor: cost?.amountMinor ?? null };
}

/** The columns a body sets, with the pinyin keys of its Chinese name made now. */
function columnsOf(body: ProductBody, now: Date) {
  const { attributes, barcodes: _codes, ...fields } = body;
  const keys = pinyinKeys(body.nameZh);
  const [attribute1, attribute2, attribute3, attribute4, attribute5, attribute6] = attributes;
  return { ...fields, pinyin: keys.pinyin, pinyinInitials: keys.initials, attribute1, attribute2, attribute3, attribute4, attribute5, attribute6, updatedAt: now };
}

/**
 * Makes the product's active barcodes exactly `codes`: others it had are retired (kept with
 * `active` false, so tills hear of it), new ones taken, a retired one of any product taken
 * over. A code another product holds actively is never taken, even by a racing request.
 */
async function writeBarcodes(tx: Db, chainId: string, productId: string, codes: readonly string[]): Promise<void> {
  const mine = and(eq(barcodes.chainId, chainId), eq(barcodes.productId, productId), eq(barcodes.active, true));
  await tx.update(barcodes).set({ active: false }).where(codes.length ? and(mine, notInArray(barcodes.code, [...codes])) : mine);
  if (codes.length === 0) return;
  const written = await tx.insert(barcodes).values(codes.map((code) => ({ chainId, code, productId })))
    .onConflictDoUpdate({
      target: [barcodes.chainId, barcodes.code], set: { productId, active: true },
      setWhere: or(eq(barcodes.active, false), eq(barcodes.productId, productId)),
    })
    .returning({ code: barcodes.code });
  const taken = codes.filter((code) => !written.some((w) => w.code === code));
  if (taken.length) throw new AppError('BARCODE_TAKEN', `barcodes ${taken.join(', ')} belong to another product`, taken.map((code) => ({ path: `barcodes.${codes.indexOf(code)}`, message: `barcode ${code} belongs to another product` })));
}

export async function createProduct({ db, clock }: Deps, principal: Principal, body: ProductBody): Promise<ProductRecord> {
  const { chainId } = principal;
  await checkProductBody(db, chainId, body, null);
  const id = newId(clock);
  return db.transaction(async (tx) => {
    await tx.insert(products).values({ chainId, id, ...columnsOf(body, clock()) });
    await writeBarcodes(tx, chainId, id, body.barcodes);
    const after = await recordOf(tx, chainId, id);
    await recordAudit(tx, principal, clock, { entity: 'product', entityId: id, action: 'create', before: null, after });
    return after;
  });
}

export async function updateProduct({ db, clock }: Deps, principal: Principal, id: string, body: ProductBody): Promise<ProductRecord> {
  const { chainId } = principal;
  const before = await recordOf(db, chainId, id);
  await checkProductBody(db, chainId, body, id);
  return db.transaction(async (tx) => {
    await tx.update(products).set(columnsOf(body, clock())).where(and(eq(products.chainId, chainId), eq(products.id, id)));
    await writeBarcodes(tx, chainId, id, body.barcodes);
    const after = await recordOf(tx, chainId, id);
    await recordAudit(tx, principal, clock, { entity: 'product', entityId: id, action: 'update', before: { ...before, updatedAt: null }, after: { ...after, updatedAt: null } });
    return after;
  });
}

/** Deactivates (tills delete their copy; HQ keeps it for history) or reactivates a product. */
export async function setProductActive({ db, clock }: Deps, principal: Principal, id: string, active: boolean): Promise<ProductRecord> {
  const { chainId } = principal;
  const before = await recordOf(db, chainId, id);
  if (before.active === active) return before;
  return db.transaction(async (tx) => {
    await tx.update(products).set({ active, updatedAt: clock() }).where(and(eq(products.chainId, chainId), eq(products.id, id)));
    const after = await recordOf(tx, chainId, id);
    await recordAudit(tx, principal, clock, { entity: 'product', entityId: id, action: active ? 'reactivate' : 'deactivate', before, after });
    return after;
  });
}

/**
 * Deletes a product that was never sold nor moved in stock and is already deactivated (so tills
 * have heard to drop it); one with history is kept and can only be deactivated.
 */
export async function deleteProduct({ db, clock }: Deps, principal: Principal, id: string): Promise<void> {
  const { chainId } = principal;
  const before = await recordOf(db, chainId, id);
  if (await hasHistory(db, chainId, id)) throw new AppError('PRODUCT_SOLD', `product ${before.sku} has sales or stock history; deactivate it instead`);
  if (before.active) throw new AppError('CONFLICT', `deactivate product ${before.sku} first, so tills drop it, then delete it`);
  await db.transaction(async (tx) => {
    await tx.delete(barcodes).where(and(eq(barcodes.chainId, chainId), eq(barcodes.productId, id)));
    await tx.delete(prices).where(and(eq(prices.chainId, chainId), eq(prices.productId, id)));
    await tx.delete(productCosts).where(and(eq(productCosts.chainId, chainId), eq(productCosts.productId, id)));
    await tx.delete(assortmentItems).where(and(eq(assortmentItems.chainId, chainId), eq(assortmentItems.productId, id)));
    await tx.delete(supplierProducts).where(and(eq(supplierProducts.chainId, chainId), eq(supplierProducts.productId, id)));
    await tx.delete(productPacks).where(and(eq(productPacks.chainId, chainId), eq(productPacks.productId, id)));
    await tx.delete(storeReplenishment).where(and(eq(storeReplenishment.chainId, chainId), eq(storeReplenishment.productId, id)));
    // A count sheet may list a product the store never held, at a book of zero and not counted: that line goes with it.
    await tx.delete(stockCountLines).where(and(eq(stockCountLines.chainId, chainId), eq(stockCountLines.productId, id), isNull(stockCountLines.counted)));
    await tx.delete(storePriceBands).where(and(eq(storePriceBands.chainId, chainId), eq(storePriceBands.productId, id)));
    await tx.delete(products).where(and(eq(products.chainId, chainId), eq(products.id, id)));
    await recordAudit(tx, principal, clock, { entity: 'product', entityId: id, action: 'delete', before, after: null });
  });
}
