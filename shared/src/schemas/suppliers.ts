import { z } from 'zod';
import { IsoDateTime, SafeText } from './common';
import { namesAChange } from './org-admin';
import { pageOf, pageQuery, QueryFlag } from './paging';

/** How a supplier is paid (结算方式): by the month, or on each delivery. */
export const SupplierSettlement = z.enum(['monthly', 'on_delivery']);
export type SupplierSettlement = z.infer<typeof SupplierSettlement>;

const optionalText = (max: number) => SafeText.trim().max(max).nullable();
const Phone = SafeText.trim().regex(/^[0-9+()\- ]{3,30}$/, 'a phone number is 3 to 30 digits, spaces, +, -, ( or )');

export const SupplierCode = SafeText.trim().regex(/^[A-Za-z0-9_-]{1,20}$/, 'a supplier code is 1 to 20 letters, digits, - or _');

/** What HQ keeps of a supplier (供应商). */
export const SupplierFields = z.object({
  name: SafeText.trim().min(1).max(80),
  contactName: optionalText(40),
  phone: Phone.nullable(),
  email: z.email({ message: 'must be an e-mail address' }).max(120).nullable(),
  address: optionalText(200),
  settlement: SupplierSettlement,
});

/** Creating one: what is not given is left empty. */
export const CreateSupplierBody = SupplierFields.extend({
  code: SupplierCode,
  contactName: SupplierFields.shape.contactName.default(null),
  phone: SupplierFields.shape.phone.default(null),
  email: SupplierFields.shape.email.default(null),
  address: SupplierFields.shape.address.default(null),
});
export type CreateSupplierBody = z.infer<typeof CreateSupplierBody>;

/** An edit names only what changes; the code stays. */
export const UpdateSupplierBody = SupplierFields.partial().refine(...namesAChange);
export type UpdateSupplierBody = z.infer<typeof UpdateSupplierBody>;

export const Supplier = SupplierFields.extend({
  id: z.uuid(),
  code: z.string(),
  active: z.boolean(),
  /** How many products the supplier supplies now. */
  productCount: z.number().int().nonnegative(),
  updatedAt: IsoDateTime,
});
export type Supplier = z.infer<typeof Supplier>;

export const SupplierListQuery = pageQuery(['code', 'name', 'updatedAt']).extend({
  active: QueryFlag.optional(),
  settlement: SupplierSettlement.optional(),
});
export type SupplierListQuery = z.infer<typeof SupplierListQuery>;
export const SupplierList = pageOf(Supplier);
export type SupplierList = z.infer<typeof SupplierList>;

/** A product a supplier supplies, at the cost agreed with them, with the supplier's own item number. */
export const SupplierProductBody = z.object({
  costMinor: z.number().int().min(0).max(100_000_000),
  supplierSku: SafeText.trim().min(1).max(40).nullable().default(null),
});
export type SupplierProductBody = z.infer<typeof SupplierProductBody>;

export const SupplierProduct = SupplierProductBody.extend({
  supplierId: z.uuid(),
  productId: z.uuid(),
  sku: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  updatedAt: IsoDateTime,
});
export type SupplierProduct = z.infer<typeof SupplierProduct>;

export const SupplierProductListQuery = pageQuery(['sku', 'name', 'cost']).extend({ active: QueryFlag.optional() });
export type SupplierProductListQuery = z.infer<typeof SupplierProductListQuery>;
export const SupplierProductList = pageOf(SupplierProduct);
export type SupplierProductList = z.infer<typeof SupplierProductList>;

export const SupplierProductParams = z.object({ id: z.uuid({ message: 'must be a UUID' }), productId: z.uuid({ message: 'must be a UUID' }) });
