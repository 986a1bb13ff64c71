import type { SupplierProduct, SupplierProductBody, SupplierProductList, SupplierProductListQuery } from '@pos/shared';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import type { Deps, Principal } from '../http/app-env';
import { AppError } from '../http/errors';
import { findSupplierProduct, findSupplierProducts } from './suppliers.repo';
import { supplierProducts } from './suppliers.tables';
import { getSupplier } from './suppliers.service';

const auditId = (supplierId: string, productId: string) => `${supplierId}:${productId}`;

export async function listSupplierProducts(db: Db, chainId: string, supplierId: string, query: SupplierProductListQuery): Promise<SupplierProductList> {
  await getSupplier(db, chainId, supplierId);
  return findSupplierProducts(db, chainId, supplierId, query);
}

/** What the chain pays this supplier for the product now, or null when the supplier does not supply it. */
export async function supplierCost(db: Db, chainId: string, supplierId: string, productId: string): Promise<number | null> {
  const found = await findSupplierProduct(db, chainId, supplierId, productId);
  return found?.active ? found.costMinor : null;
}

/** Adds a product to what a supplier supplies, or changes its cost and item number (and takes it back into use). */
export async function putSupplierProduct({ db, clock }: Deps, principal: Principal, supplierId: string, productId: string, body: SupplierProductBody): Promise<SupplierProduct> {
  const { chainId } = principal;
  await getSupplier(db, chainId, supplierId);
  const [product] = await db.select({ id: products.id }).from(products).where(and(eq(products.chainId, chainId), eq(products.id, productId)));
  if (!product) throw new AppError('NOT_FOUND', 'no such product');
  return db.transaction(async (tx) => {
    const before = (await findSupplierProduct(tx, chainId, supplierId, productId)) ?? null;
    if (before?.active && before.costMinor === body.costMinor && before.supplierSku === body.supplierSku) return before;
    const values = { costMinor: body.costMinor, supplierSku: body.supplierSku, active: true, updatedAt: clock() };
    await tx.insert(supplierProducts).values({ chainId, supplierId, productId, ...values })
      .onConflictDoUpdate({ target: [supplierProducts.chainId, supplierProducts.supplierId, supplierProducts.productId], set: values });
    const after = (await findSupplierProduct(tx, chainId, supplierId, productId))!;
    const action = before === null ? 'create' : before.active ? 'update' : 'reactivate';
    await recordAudit(tx, principal, clock, { entity: 'supplier_product', entityId: auditId(supplierId, productId), action, before, after });
    return after;
  });
}

/** The supplier no longer supplies the product; the row stays, inactive, for deliveries that named it. */
export async function removeSupplierProduct({ db, clock }: Deps, principal: Principal, supplierId: string, productId: string): Promise<SupplierProduct> {
  const { chainId } = principal;
  return db.transaction(async (tx) => {
    const before = await findSupplierProduct(tx, chainId, supplierId, productId);
    if (!before) throw new AppError('NOT_FOUND', 'the supplier does not supply this product');
    if (!before.active) return before;
    await tx.update(supplierProducts).set({ active: false, updatedAt: clock() })
      .where(and(eq(supplierProducts.chainId, chainId), eq(supplierProducts.supplierId, supplierId), eq(supplierProducts.productId, productId)));
    const after = (await findSupplierProduct(tx, chainId, supplierId, productId))!;
    await recordAudit(tx, principal, clock, { entity: 'supplier_product', entityId: auditId(supplierId, productId), action: 'deactivate', before, after });
    return after;
  });
}
