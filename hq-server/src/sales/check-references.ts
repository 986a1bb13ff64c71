import { creditedShares, type Sale } from '@pos/shared';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import { FreshCache, loadAtHead } from '../db/fresh-cache';
import type { DevicePrincipal } from '../http/app-env';
import { clerks } from '../org/org.tables';
import { shiftsOfDevice } from '../shifts/shift-references';

/**
 * What each sale names that HQ does not know, or that its store may not use: products of
 * the chain, and clerks who work in the sale's store (a clerk of that store, or one of the
 * chain's with no store): the cashier, and every clerk a line is credited to or shared with.
 * A clerk of another store reads as unknown, so the answer tells a till nothing about other
 * stores. Products are never deleted, so one the repricing data already knows needs no look-up.
 *
 * A manager override names who approved it: a clerk of the sale's store or of the whole chain,
 * active or not (a till sells offline, so the approver may have left since), and who asked for it:
 * the sale's cashier or a clerk credited with one of its lines. A sale made in a shift names a
 * shift this till opened (a till from before shifts names none).
 */
export async function unknownReferences(db: Db, device: DevicePrincipal, sales: Sale[], cachedProducts: ReadonlyMap<string, unknown>, changeHead: bigint): Promise<Map<string, string[]>> {
  const productIds = [...new Set(sales.flatMap((s) => s.lines.map((l) => l.productId)))].filter((id) => !cachedProducts.has(id));
  const [knownProducts, storeClerks, ownShifts] = await Promise.all([
    productIds.length ? db.select({ id: products.id }).from(products).where(and(eq(products.chainId, device.chainId), inArray(products.id, productIds))) : [],
    clerksOfStore(db, device, changeHead),
    shiftsOfDevice(db, device, sales.flatMap((s) => (s.shiftId ? [s.shiftId] : []))),
  ]);
  const fetchedProducts = new Set(knownProducts.map((p) => p.id));
  const isKnownProduct = (id: string) => cachedProducts.has(id) || fetchedProducts.has(id);
  const problems = new Map<string, string[]>();
  for (const sale of sales) {
    const found = [
      ...(storeClerks.has(sale.cashierId) ? [] : [`unknown cashier ${sale.cashierId}`]),
      ...(sale.shiftId && !ownShifts.has(sale.shiftId) ? [`unknown shift ${sale.shiftId}`] : []),
      ...sale.lines.filter((l) => !isKnownProduct(l.productId)).map((l) => `line ${l.lineNo}: unknown product ${l.productId}`),
      ...sale.lines.flatMap((l) => creditedShares(l).filter((c) => !storeClerks.has(c.clerkId)).map((c) => `line ${l.lineNo}: unknown clerk ${c.clerkId}`)),
      ...approvalProblems(sale, storeClerks),
    ];
    if (found.length) problems.set(sale.id, found);
  }
  return problems;
}

/** Per database handle: the clerks each store's sales may name, active or not, kept until a clerk changes. */
const storeClerkCaches = new WeakMap<Db, FreshCache<ReadonlySet<string>>>();

/** The clerks of the store and the chain's clerks of no store: who a sale of the store may name. */
function clerksOfStore(db: Db, device: DevicePrincipal, changeHead: bigint): Promise<ReadonlySet<string>> {
  const cache = storeClerkCaches.get(db) ?? new FreshCache<ReadonlySet<string>>();
  storeClerkCaches.set(db, cache);
  return cache.get(`${device.chainId}|${device.storeId}`, changeHead, () => loadAtHead(db, device.chainId, async (tx) => {
    const rows = await tx.select({ id: clerks.id }).from(clerks)
      .where(and(eq(clerks.chainId, device.chainId), or(isNull(clerks.storeId), eq(clerks.storeId, device.storeId))));
    return new Set(rows.map((r) => r.id));
  }));
}

/** Every clerk a line is credited to: its `clerkId`, and each one it is shared with. */
const lineClerks = (sale: Sale) => sale.lines.flatMap((l) => creditedShares(l).map((c) => c.clerkId));

function approvalProblems(sale: Sale, storeClerks: ReadonlySet<string>): string[] {
  const askers = new Set([sale.cashierId, ...lineClerks(sale)]);
  return sale.approvals.flatMap((a, i) => [
    ...(storeClerks.has(a.approvedBy) ? [] : [`approval ${i + 1}: unknown approver ${a.approvedBy}`]),
    ...(askers.has(a.requestedBy) ? [] : [`approval ${i + 1}: requested by ${a.requestedBy}, who is not the sale's cashier or a line's clerk`]),
  ]);
}
