import type { Sale } from '@pos/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';

/**
 * What each sale names that HQ does not know, or that its store may not use: products of
 * the chain, and clerks who work in the sale's store (a clerk of that store, or one of the
 * chain's with no store). A clerk of another store reads as unknown, so the answer tells a
 * till nothing about other stores. Products are never deleted, so one the repricing data
 * already knows needs no look-up.
 */
export async function unknownReferences(db: Db, device: DevicePrincipal, sales: Sale[], cachedProducts: ReadonlyMap<string, unknown>): Promise<Map<string, string[]>> {
  const productIds = [...new Set(sales.flatMap((s) => s.lines.map((l) => l.productId)))].filter((id) => !cachedProducts.has(id));
  const clerkIds = [...new Set(sales.flatMap((s) => [s.cashierId, ...s.lines.flatMap((l) => (l.clerkId ? [l.clerkId] : []))]))];
  const [knownProducts, knownClerks] = await Promise.all([
    productIds.length ? db.select({ id: products.id }).from(products).where(and(eq(products.chainId, device.chainId), inArray(products.id, productIds))) : [],
    clerkIds.length ? db.select({ id: clerks.id, storeId: clerks.storeId }).from(clerks).where(and(eq(clerks.chainId, device.chainId), inArray(clerks.id, clerkIds))) : [],
  ]);
  const fetchedProducts = new Set(knownProducts.map((p) => p.id));
  const isKnownProduct = (id: string) => cachedProducts.has(id) || fetchedProducts.has(id);
  const storeClerks = new Set(knownClerks.filter((c) => c.storeId === null || c.storeId === device.storeId).map((c) => c.id));
  const problems = new Map<string, string[]>();
  for (const sale of sales) {
    const found = [
      ...(storeClerks.has(sale.cashierId) ? [] : [`unknown cashier ${sale.cashierId}`]),
      ...sale.lines.filter((l) => !isKnownProduct(l.productId)).map((l) => `line ${l.lineNo}: unknown product ${l.productId}`),
      ...sale.lines.filter((l) => l.clerkId && !storeClerks.has(l.clerkId)).map((l) => `line ${l.lineNo}: unknown clerk ${l.clerkId}`),
    ];
    if (found.length) problems.set(sale.id, found);
  }
  return problems;
}
