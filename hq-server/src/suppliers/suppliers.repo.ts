import type { Supplier, SupplierListQuery, SupplierProduct, SupplierProductListQuery } from '@pos/shared';
import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { products } from '../catalog/catalog.tables';
import type { Db } from '../db/client';
import { containing, orderOf } from '../db/list-query';
import { supplierProducts, suppliers } from './suppliers.tables';

// Written out whole: drizzle leaves the outer columns unqualified, which the sub-select would read as its own.
const productCount = sql<number>`(select count(*)::int from supplier_products sp
  where sp.chain_id = suppliers.chain_id and sp.supplier_id = suppliers.id and sp.active)`;

const supplierColumns = {
  id: suppliers.id, code: suppliers.code, name: suppliers.name, contactName: suppliers.contactName, phone: suppliers.phone, email: suppliers.email,
  address: suppliers.address, settlement: suppliers.settlement, active: suppliers.active, updatedAt: suppliers.updatedAt, productCount,
};

const selectSuppliers = (db: Db, where: SQL | undefined) => db.select(supplierColumns).from(suppliers).where(where);

const toSupplier = (row: Awaited<ReturnType<typeof selectSuppliers>>[number]): Supplier => ({ ...row, productCount: Number(row.productCount), updatedAt: row.updatedAt.toISOString() });

export async function findSupplier(db: Db, chainId: string, id: string): Promise<Supplier | undefined> {
  const [row] = await selectSuppliers(db, and(eq(suppliers.chainId, chainId), eq(suppliers.id, id)));
  return row && toSupplier(row);
}

/** Suppliers by code, name or contact (any part), filtered by state and settlement, a page at a time. */
export async function findSuppliers(db: Db, chainId: string, query: SupplierListQuery): Promise<{ items: Supplier[]; total: number }> {
  const filters: (SQL | undefined)[] = [eq(suppliers.chainId, chainId)];
  if (query.q) filters.push(or(ilike(suppliers.code, containing(query.q)), ilike(suppliers.name, containing(query.q)), ilike(suppliers.contactName, containing(query.q))));
  if (query.active !== undefined) filters.push(eq(suppliers.active, query.active));
  if (query.settlement) filters.push(eq(suppliers.settlement, query.settlement));
  const where = and(...filters);
  const order = orderOf({ code: suppliers.code, name: suppliers.name, updatedAt: suppliers.updatedAt }, query.sort, 'code', query.order, suppliers.id);
  const [rows, [counted]] = await Promise.all([
    selectSuppliers(db, where).orderBy(...order).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(suppliers).where(where),
  ]);
  return { items: rows.map(toSupplier), total: counted?.n ?? 0 };
}

const supplierProductColumns = {
  supplierId: supplierProducts.supplierId, productId: supplierProducts.productId, costMinor: supplierProducts.costMinor, supplierSku: supplierProducts.supplierSku,
  active: supplierProducts.active, updatedAt: supplierProducts.updatedAt, sku: products.sku, nameZh: products.nameZh, nameEn: products.nameEn,
};

function selectSupplierProducts(db: Db, where: SQL | undefined) {
  return db.select(supplierProductColumns).from(supplierProducts)
    .innerJoin(products, and(eq(products.chainId, supplierProducts.chainId), eq(products.id, supplierProducts.productId)))
    .where(where);
}

const toSupplierProduct = (row: Awaited<ReturnType<typeof selectSupplierProducts>>[number]): SupplierProduct => ({ ...row, updatedAt: row.updatedAt.toISOString() });

export async function findSupplierProduct(db: Db, chainId: string, supplierId: string, productId: string): Promise<SupplierProduct | undefined> {
  const [row] = await selectSupplierProducts(db, and(eq(supplierProducts.chainId, chainId), eq(supplierProducts.supplierId, supplierId), eq(supplierProducts.productId, productId)));
  return row && toSupplierProduct(row);
}

/** A supplier's products with our SKU and names, by SKU, name or the supplier's item number. */
export async function findSupplierProducts(db: Db, chainId: string, supplierId: string, query: SupplierProductListQuery): Promise<{ items: SupplierProduct[]; total: number }> {
  const filters: (SQL | undefined)[] = [eq(supplierProducts.chainId, chainId), eq(supplierProducts.supplierId, supplierId)];
  if (query.q) {
    const text = containing(query.q);
    filters.push(or(ilike(products.sku, text), ilike(products.nameZh, text), ilike(products.nameEn, text), ilike(supplierProducts.supplierSku, text)));
  }
  if (query.active !== undefined) filters.push(eq(supplierProducts.active, query.active));
  const where = and(...filters);
  const order = orderOf({ sku: products.sku, name: products.nameZh, cost: supplierProducts.costMinor }, query.sort, 'sku', query.order, supplierProducts.productId);
  const [rows, [counted]] = await Promise.all([
    selectSupplierProducts(db, where).orderBy(...order).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(supplierProducts)
      .innerJoin(products, and(eq(products.chainId, supplierProducts.chainId), eq(products.id, supplierProducts.productId))).where(where),
  ]);
  return { items: rows.map(toSupplierProduct), total: counted?.n ?? 0 };
}
