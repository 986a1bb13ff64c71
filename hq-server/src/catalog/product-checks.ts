import type { ProductBody } from '@pos/shared';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { suppliers } from '../suppliers/suppliers.tables';
import { barcodes, brands, categories, products } from './catalog.tables';

const issue = (path: string, message: string) => ({ path, message });

/** Refuses, naming each field, a category, brand or supplier the chain does not have (or no longer uses). */
async function checkReferences(db: Db, chainId: string, body: ProductBody): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  const [category] = body.categoryId ? await db.select({ active: categories.active }).from(categories).where(and(eq(categories.chainId, chainId), eq(categories.id, body.categoryId))) : [];
  if (body.categoryId && !category?.active) problems.push(issue('categoryId', category ? 'this category is deactivated' : `no category ${body.categoryId}`));
  const [brand] = body.brandId ? await db.select({ id: brands.id }).from(brands).where(and(eq(brands.chainId, chainId), eq(brands.id, body.brandId))) : [];
  if (body.brandId && !brand) problems.push(issue('brandId', `no brand ${body.brandId}`));
  const [supplier] = body.supplierId ? await db.select({ id: suppliers.id }).from(suppliers).where(and(eq(suppliers.chainId, chainId), eq(suppliers.id, body.supplierId))) : [];
  if (body.supplierId && !supplier) problems.push(issue('supplierId', `no supplier ${body.supplierId}`));
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
}

/** Refuses an SKU or scale item code another product of the chain has. */
async function checkUniqueCodes(db: Db, chainId: string, body: ProductBody, self: string | null): Promise<void> {
  const other = self ? ne(products.id, self) : undefined;
  if ((await db.$count(products, and(eq(products.chainId, chainId), eq(products.sku, body.sku), other))) > 0) {
    throw new AppError('CONFLICT', `SKU ${body.sku} is taken`, [issue('sku', `SKU ${body.sku} is taken`)]);
  }
  if (body.scaleItemCode && (await db.$count(products, and(eq(products.chainId, chainId), eq(products.scaleItemCode, body.scaleItemCode), other))) > 0) {
    throw new AppError('CONFLICT', `scale item code ${body.scaleItemCode} is taken`, [issue('scaleItemCode', `scale item code ${body.scaleItemCode} is taken`)]);
  }
}

/** A barcode belongs to one product in the chain: one held (actively) by another product is refused, naming that product. */
async function checkBarcodesFree(db: Db, chainId: string, codes: readonly string[], self: string | null): Promise<void> {
  if (codes.length === 0) return;
  const held = await db.select({ code: barcodes.code, productId: products.id, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn })
    .from(barcodes).innerJoin(products, and(eq(products.chainId, barcodes.chainId), eq(products.id, barcodes.productId)))
    .where(and(eq(barcodes.chainId, chainId), inArray(barcodes.code, [...codes]), eq(barcodes.active, true), self ? ne(barcodes.productId, self) : undefined));
  if (held.length === 0) return;
  const details = held.map((h) => ({ path: `barcodes.${codes.indexOf(h.code)}`, message: `barcode ${h.code} belongs to ${h.sku} ${h.nameZh}`, ...h }));
  throw new AppError('BARCODE_TAKEN', details.map((d) => d.message).join('; '), details);
}

/** Every check of a product body against what the chain holds; bad input changes nothing. */
export async function checkProductBody(db: Db, chainId: string, body: ProductBody, self: string | null): Promise<void> {
  await checkReferences(db, chainId, body);
  await checkUniqueCodes(db, chainId, body, self);
  await checkBarcodesFree(db, chainId, body.barcodes, self);
}
