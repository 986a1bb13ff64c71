import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { products } from '../catalog/catalog.tables';
import { chainId, instant, money } from '../db/columns';
import { chains } from '../org/org.tables';

/** How a supplier is paid (结算方式): by the month, or on each delivery. */
export const supplierSettlement = pgEnum('supplier_settlement', ['monthly', 'on_delivery']);

/** Suppliers (供应商): who the chain buys from. Receiving goods builds on them. */
export const suppliers = pgTable(
  'suppliers',
  {
    chainId: chainId().references(() => chains.id),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    settlement: supplierSettlement('settlement').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), unique('suppliers_chain_code').on(t.chainId, t.code)],
);

/** A product a supplier supplies, at the cost agreed with them. */
export const supplierProducts = pgTable(
  'supplier_products',
  {
    chainId: chainId(),
    supplierId: uuid('supplier_id').notNull(),
    productId: uuid('product_id').notNull(),
    costMinor: money('cost_minor').notNull(),
    /** The supplier's own item number, when it differs from ours. */
    supplierSku: text('supplier_sku'),
    active: boolean('active').notNull().default(true),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.supplierId, t.productId] }),
    foreignKey({ columns: [t.chainId, t.supplierId], foreignColumns: [suppliers.chainId, suppliers.id] }),
    foreignKey({ columns: [t.chainId, t.productId], foreignColumns: [products.chainId, products.id] }),
    check('supplier_products_cost', sql`${t.costMinor} >= 0`),
    index('supplier_products_product').on(t.chainId, t.productId),
  ],
);
