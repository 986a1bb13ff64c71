import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Deps, OfficePrincipal } from '../http/app-env';
import { newId } from '../ids';
import { products } from '../catalog/catalog.tables';
import { stores, users } from '../org/org.tables';
import { createPurchaseOrder, receiveGoods, returnToSupplier } from '../stock/receiving.service';
import { supplierProducts } from '../suppliers/suppliers.tables';

/**
 * Goods from suppliers (收货与退货): HQ ordered three products for S001 from their supplier, and
 * the delivery came partly: the first in full, the second six short, the third not yet, so the
 * order waits partly received with its differences; two of the first went back damaged. An order
 * for the east franchisee's S004 is still open, for a newcomer to receive.
 */
export async function seedDemoReceiving(deps: Deps, chainId: string): Promise<void> {
  const { db, clock } = deps;
  const storeRows = await db.select({ id: stores.id, code: stores.code }).from(stores).where(eq(stores.chainId, chainId));
  const storeOf = (code: string) => storeRows.find((s) => s.code === code)!.id;
  const [hq] = await db.select({ id: users.id }).from(users).where(and(eq(users.chainId, chainId), eq(users.email, 'hq@demo.pos')));
  const office: OfficePrincipal = { kind: 'office', chainId, userId: hq!.id, sessionId: newId(clock), role: 'hq_admin', franchiseeId: null, regionId: null, storeId: null };
  const stocked = (await db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), eq(products.active, true))).orderBy(products.sku).limit(300)).map((p) => p.id);
  const supplied = await db.select({ supplierId: supplierProducts.supplierId, productId: supplierProducts.productId }).from(supplierProducts)
    .where(and(eq(supplierProducts.chainId, chainId), inArray(supplierProducts.productId, stocked.slice(100)))).orderBy(asc(supplierProducts.supplierId), asc(supplierProducts.productId));
  const supplierId = supplied[0]?.supplierId;
  if (!supplierId) return;
  const theirs = supplied.filter((s) => s.supplierId === supplierId).map((s) => s.productId);
  if (theirs.length < 5) return;
  const [first, second, third] = theirs;

  const order = await createPurchaseOrder(deps, office, {
    id: newId(clock), supplierId, placeId: storeOf('S001'), note: '周末促销备货',
    lines: [{ productId: first!, quantity: 24 }, { productId: second!, quantity: 36 }, { productId: third!, quantity: 12 }],
  });
  await receiveGoods(deps, office, {
    id: newId(clock), supplierId, placeId: storeOf('S001'), purchaseOrderId: order.id, note: '第二项少到 6 件，第三项未到',
    lines: [{ productId: first!, quantity: 24 }, { productId: second!, quantity: 30 }, { productId: third!, quantity: 0 }],
  });
  await returnToSupplier(deps, office, { id: newId(clock), supplierId, placeId: storeOf('S001'), reason: 'damaged', note: '外箱破损', lines: [{ productId: first!, quantity: 2 }] });
  await createPurchaseOrder(deps, office, {
    id: newId(clock), supplierId, placeId: storeOf('S004'),
    lines: [{ productId: theirs[3]!, quantity: 12 }, { productId: theirs[4]!, quantity: 24 }],
  });
}
